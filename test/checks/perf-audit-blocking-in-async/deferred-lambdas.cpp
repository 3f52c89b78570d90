// Lambdas in functions called from a completion handler: a lambda's body is
// the function's work only where it runs there (called right away, or by a
// library function that calls what it is given: invoking-functions in
// lib/models/std.yaml). Kept for later or handed to a thread, it blocks
// nothing on the event loop.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver
#include <asio.hpp>
#include <algorithm>
#include <chrono>
#include <functional>
#include <future>
#include <thread>
#include <vector>

using asio::ip::tcp;

struct Store {
  std::vector<int> ids;
  std::function<void()> pending;
  std::shared_future<int> ready;

  // Runs its lambda once per id, before it returns.
  void flushAll() {
    std::for_each(ids.begin(), ids.end(), [](int) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    });
  }
  // Calls its lambda right away.
  int readNow() {
    return [this] { return ready.get(); }();
  }
  // Keeps its lambda for later: nothing blocks now.
  void readLater() {
    pending = [this] { ready.get(); };
  }
  // Hands its lambda to another thread.
  void readOnThread() {
    std::thread([this] { ready.wait(); }).detach();
  }
};

struct Session {
  tcp::socket socket;
  Store store;
  char data[512];

  void start() {
    socket.async_read_some(asio::buffer(data), [this](asio::error_code, std::size_t) {
      store.flushAll();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'flushAll' blocks the event loop in the completion handler of 'async_read_some' [impact: high 74] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: handler registered here
      // CHECK-NOTES: :27:7: note: 'std::this_thread::sleep_for' blocks here
      // CHECK-NOTES: :[[@LINE-4]]:7: note: wait on a timer instead: 'co_await timer.async_wait(use_awaitable)' in a coroutine, 'timer.async_wait(handler)' elsewhere
      store.readNow();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'readNow' blocks the event loop in the completion handler of 'async_read_some' [impact: high 67] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-8]]:5: note: handler registered here
      // CHECK-NOTES: :32:12: note: 'lambda' blocks
      // CHECK-NOTES: :32:28: note: 'get' blocks here
      // CHECK-NOTES: :[[@LINE-5]]:7: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
      store.readLater();
      store.readOnThread();
    });
  }
};
