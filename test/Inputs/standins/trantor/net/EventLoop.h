// Stand-in for trantor's event loop (see ../../README.md).
#pragma once
#include <cstdint>
#include <functional>

namespace trantor {
using TimerId = uint64_t;
class EventLoop {
public:
  void loop();
  void runInLoop(const std::function<void()> &cb);
  void queueInLoop(const std::function<void()> &cb);
  TimerId runAfter(double delay, const std::function<void()> &cb);
  TimerId runEvery(double interval, const std::function<void()> &cb);
  bool isInLoopThread() const;
};
} // namespace trantor
