#pragma once
#include <functional>

// Every unit that calls it passes a lambda: the std::function is built for
// the call either way.
inline int runOnce(std::function<int()> Work) { return Work() + 1; }

// One unit passes a std::function it keeps: that call copies it.
inline int runTwice(std::function<int()> Work) { return Work() + Work(); }
