#include <string>
#include <vector>

int countIn(const std::vector<std::string> &all, const std::string &name);

struct Group {
  std::vector<std::string> definitions;
};

// The definitions are a part of each group: with the groups, one walk.
int uses(const std::vector<Group> &groups, const std::vector<std::string> &all) {
  int n = 0;
  for (const Group &g : groups)
    for (const std::string &d : g.definitions)
      n += countIn(all, d);
  return n;
}
