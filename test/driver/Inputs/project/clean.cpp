#include "util.h"

int sum(const std::vector<int> &v) {
  int n = 0;
  for (int x : v)
    n += x;
  return n;
}
