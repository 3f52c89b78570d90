#include <string>
#include <vector>

// Visits every element of 'all': linear in it.
int countIn(const std::vector<std::string> &all, const std::string &name) {
  int n = 0;
  for (const std::string &s : all)
    n += s == name;
  return n;
}
