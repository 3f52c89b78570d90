#include <string>
#include <vector>

inline std::size_t headerTotal(const std::vector<std::string> &Names) {
  std::size_t N = 0;
  for (const std::string Name : Names)
    N += Name.size();
  return N;
}
