#include "catalog.h"
#include <string>
#include <vector>

struct Item {
  std::string name;
  std::vector<std::string> tags;
};

std::vector<std::string> titles(Catalog &catalog, const std::vector<int> &ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int id : ids)
    out.push_back(catalog.title(id));
  return out;
}

size_t tagCount(const std::vector<Item> &items) {
  size_t n = 0;
  for (Item item : items)
    n += item.tags.size();
  return n;
}

int common(const std::vector<int> &a, const std::vector<int> &b) {
  int n = 0;
  for (int x : a)
    for (int y : b)
      n += x == y;
  return n;
}
