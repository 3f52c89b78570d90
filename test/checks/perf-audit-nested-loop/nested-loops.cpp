// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver

#include <map>
#include <string>
#include <vector>

struct Customer { int id; std::string name; };
struct Order { int id; int customerId; std::vector<int> items; };

// Positives: two loops over input, one inside the other.

int matchCustomers(const std::vector<Order> &orders,
                   const std::vector<Customer> &customers) {
  int matched = 0;
  for (const Order &o : orders)
    for (const Customer &c : customers)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'customers' runs on every iteration of the loop over 'orders': O(n*m), ~10,000 iterations per call if 'orders' and 'customers' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      if (c.id == o.customerId)
        ++matched;
  return matched;
}

int countDuplicates(const std::vector<int> &values) {
  int duplicates = 0;
  for (size_t i = 0; i < values.size(); ++i)
    for (size_t j = i + 1; j < values.size(); ++j)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'values' runs on every iteration of the loop over 'values': O(n^2), ~10,000 iterations per call if 'values' has ~100 elements [impact: medium 48] [perf-audit-nested-loop]
      if (values[i] == values[j])
        ++duplicates;
  return duplicates;
}

int triangle(int n) {
  int pairs = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < i; ++j)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested inner loop runs on every iteration of the loop over 'n': O(n^2), ~5,000 iterations per call if 'n' is ~100 [impact: medium 44] [perf-audit-nested-loop]
      pairs += i - j;
  return pairs;
}

class Catalog {
public:
  int overlap(const std::vector<std::string> &wanted) const {
    int found = 0;
    for (const std::string &w : wanted)
      for (auto it = names_.begin(); it != names_.end(); ++it)
        // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: nested loop over 'names_' runs on every iteration of the loop over 'wanted': O(n*m), ~10,000 iterations per call if 'wanted' and 'names_' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
        if (*it == w)
          ++found;
    return found;
  }

private:
  std::vector<std::string> names_;
};

int threeDeep(const std::vector<int> &a, const std::vector<int> &b,
              const std::vector<int> &c) {
  int n = 0;
  for (int x : a)
    for (int y : b)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'b' runs on every iteration of the loop over 'a': O(n*m), ~10,000 iterations per call if 'a' and 'b' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      for (int z : c)
        // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: nested loop over 'c' runs on every iteration of the loop over 'b': O(n*m), ~1.0M iterations per call if 'a', 'b' and 'c' have ~100 elements each [impact: high 70] [perf-audit-nested-loop]
        n += x * y * z;
  return n;
}

int largeConstantInner(const std::vector<int> &a) {
  int n = 0;
  for (int x : a)
    for (int k = 0; k < 5000; ++k)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested inner loop runs on every iteration of the loop over 'a': O(n*m), ~500,000 iterations per call if 'a' has ~100 elements [impact: high 67] [perf-audit-nested-loop]
      n += x ^ k;
  return n;
}

// Negatives: the traps that make nested-loop checkers noisy.

// Each order's own items: linear in the number of items.
int totalItems(const std::vector<Order> &orders) {
  int total = 0;
  for (const Order &o : orders)
    for (int item : o.items)
      total += item;
  for (size_t i = 0; i < orders.size(); ++i)
    for (size_t j = 0; j < orders[i].items.size(); ++j)
      total += orders[i].items[j];
  return total;
}

// A grid: each (x, y) addresses one cell.
long sumImage(const std::vector<unsigned char> &pixels, int width, int height) {
  long sum = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      sum += pixels[y * width + x];
  return sum;
}

double trace(const std::vector<std::vector<double>> &m, int rows, int cols) {
  double t = 0;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      t += m[r][c];
  return t;
}

// A small constant inner loop.
void clearFlags(std::vector<Order> &orders) {
  for (Order &o : orders)
    for (int k = 0; k < 4; ++k)
      o.items.push_back(k);
}

// A logarithmic inner loop: n log n.
int bits(const std::vector<int> &values) {
  int n = 0;
  for (int v : values)
    for (int b = 1; b < v; b *= 2)
      ++n;
  return n;
}

// A cursor shared with the outer loop: one pass over the input.
int countWords(const char *p, const char *end) {
  int words = 0;
  while (p < end) {
    while (p < end && *p == ' ')
      ++p;
    if (p < end)
      ++words;
    while (p < end && *p != ' ')
      ++p;
  }
  return words;
}

// Draining a work list filled by the outer loop: amortised linear.
int drain(const std::vector<int> &input) {
  std::vector<int> pending;
  int done = 0;
  for (int x : input) {
    pending.push_back(x);
    while (!pending.empty()) {
      pending.pop_back();
      ++done;
    }
  }
  return done;
}

// Loops one after the other, not nested.
int sequential(const std::vector<int> &a, const std::vector<int> &b) {
  int n = 0;
  for (int x : a)
    n += x;
  for (int y : b)
    n += y;
  return n;
}

// A map walked by key, then its values: nested container.
int mapWalk(const std::map<std::string, std::vector<int>> &index) {
  int n = 0;
  for (const auto &[key, values] : index)
    for (int v : values)
      n += v;
  return n;
}

// Templates: the instantiation is analysed, once.
template <typename T>
int pairsOf(const std::vector<T> &xs, const std::vector<T> &ys) {
  int n = 0;
  for (const T &x : xs)
    for (const T &y : ys)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'ys' runs on every iteration of the loop over 'xs': O(n*m), ~10,000 iterations per call if 'xs' and 'ys' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      n += x == y;
  return n;
}
int usePairs(const std::vector<int> &a, const std::vector<int> &b,
             const std::vector<long> &c) {
  return pairsOf(a, b) + pairsOf(c, c);
}
