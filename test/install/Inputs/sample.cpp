#include <string>
#include <vector>

std::size_t total(std::vector<std::string> names) {
  std::size_t n = 0;
  for (std::string name : names)
    n += name.size();
  return n;
}
