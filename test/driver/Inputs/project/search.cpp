#include "util.h"
#include <algorithm>

int blocked(const std::vector<int> &users, const std::vector<int> &list) {
  int n = 0;
  for (int u : users)
    n += std::find(list.begin(), list.end(), u) != list.end();
  return n + commonPairs(users, list);
}
