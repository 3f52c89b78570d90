#include <vector>

// Größe: the columns of a finding after non-ASCII text are UTF-16 units.
int größe(const std::vector<int> &a, const std::vector<int> &b) { int n = 0; for (int x : a) /* ü */ for (int y : b) n += x * y; return n; }
