#include "catalog.h"

bool contains(const std::vector<int> &haystack, int needle) {
  for (int x : haystack)
    if (x == needle)
      return true;
  return false;
}

bool member(const std::vector<int> &values, int key) {
  return app::linearLookup(values, key) >= 0;
}

int countLocked(std::mutex &m, int &counter) {
  std::lock_guard<std::mutex> guard(m);
  return ++counter;
}
