// A program whose two findings the estimate ranks one way and a run the
// other: `common` is a quadratic search the estimate puts first (two loops
// over input), `digitCount` an allocation per element it puts second. The
// run (see ../../profile.test) calls `digitCount` on many elements and
// `common` on a few.
#include <cstdlib>
#include <vector>

int common(const std::vector<int> &a, const std::vector<int> &b) {
  int n = 0;
  for (int x : a)
    for (int y : b)
      n += x == y;
  return n;
}

std::size_t digitCount(const std::vector<int> &ids) {
  std::size_t total = 0;
  for (int id : ids) {
    std::vector<int> digits;
    for (int v = id; v > 0; v /= 10)
      digits.push_back(v % 10);
    total += digits.size();
  }
  return total;
}

// Every other id of a member: a loop over the object's state, on some of its
// turns. The estimate is unsure of both (low confidence, hidden by default);
// a run counts them.
struct Registry {
  std::vector<int> ids;
  std::size_t evenDigits() const;
};

std::size_t Registry::evenDigits() const {
  std::size_t total = 0;
  for (int id : ids) {
    if (id % 2 == 0) {
      std::vector<int> digits;
      for (int v = id; v > 0; v /= 10)
        digits.push_back(v % 10);
      total += digits.size();
    }
  }
  return total;
}

int main(int argc, char **argv) {
  int many = argc > 1 ? std::atoi(argv[1]) : 1;
  int few = argc > 2 ? std::atoi(argv[2]) : 1;
  std::vector<int> big(many), small(few);
  for (int i = 0; i < many; ++i)
    big[i] = i;
  for (int i = 0; i < few; ++i)
    small[i] = i;
  Registry registry{big};
  volatile std::size_t result =
      digitCount(big) + common(small, small) + registry.evenDigits();
  (void)result;
  return 0;
}
