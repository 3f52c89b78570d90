#pragma once
#include <mutex>
#include <vector>

namespace app {
// A search the project's options name (ExtraLinearFunctions): its body is
// elsewhere, in a library.
int linearLookup(const std::vector<int> &values, int key);
} // namespace app

bool contains(const std::vector<int> &haystack, int needle);
bool member(const std::vector<int> &values, int key);
int countLocked(std::mutex &m, int &counter);
