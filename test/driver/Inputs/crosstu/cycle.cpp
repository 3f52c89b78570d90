#include "repository.h"
#include <chrono>
#include <thread>

// Half of a cycle across files; the other half blocks.
int pong(int depth) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  return ping(depth - 1);
}
