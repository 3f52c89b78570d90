#pragma once
#include <cstddef>
#include <vector>

// Included by two translation units: reported once.
inline int commonPairs(const std::vector<int> &a, const std::vector<int> &b) {
  int n = 0;
  for (int x : a)
    for (int y : b)
      n += x == y;
  return n;
}
