#include "totals.h"

std::size_t mainTotal(const std::vector<std::string> &Names) {
  std::size_t N = 0;
  for (const std::string Name : Names)
    N += Name.size();
  return N + headerTotal(Names);
}
