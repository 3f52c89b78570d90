#include <vector>

int pairs(const std::vector<int> &a, const std::vector<int> &b) {
  int n = 0;
  for (int x : a)
    for (int y : b)
      n += x == y;
  return n;
}
