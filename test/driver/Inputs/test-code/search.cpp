#include <algorithm>
#include <string>
#include <vector>

int countKnown(const std::vector<std::string> &names,
               const std::vector<std::string> &known) {
  int n = 0;
  for (const auto &name : names)
    n += std::find(known.begin(), known.end(), name) != known.end();
  return n;
}
