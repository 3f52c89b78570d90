#include <algorithm>
#include <vector>

int overlap(const std::vector<int> &wanted, const std::vector<int> &known) {
  int found = 0;
  for (int w : wanted)
    if (std::find(known.begin(), known.end(), w) != known.end())
      ++found;
  return found;
}
