#include "util.h"

int broken(const std::vector<int> &v) {
  return v.size() + undeclared_identifier;
}
