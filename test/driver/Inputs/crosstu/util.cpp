#include "repository.h"
#include <fstream>

bool contains(const std::vector<int> &haystack, int needle) {
  for (int x : haystack)
    if (x == needle)
      return true;
  return false;
}

std::string readTemplate(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

int ping(int depth) { return depth > 1 ? pong(depth - 1) : 0; }
