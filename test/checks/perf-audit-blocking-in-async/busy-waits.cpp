// Busy waits: a loop on the event loop that waits for a condition and only
// yields the thread (std::this_thread::yield, sched_yield) never lets the
// loop serve anything else until another thread sets the flag. A yield
// outside a wait loop, or in a loop over data, returns at once.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
#include <asio.hpp>
#include <atomic>
#include <sched.h>
#include <thread>
#include <vector>

std::atomic<bool> ready{false};

asio::awaitable<void> waitForReady() {
  while (!ready.load())
    std::this_thread::yield();
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::this_thread::yield' blocks the event loop in coroutine 'waitForReady' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:5: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
  co_return;
}

void onTimer(asio::steady_timer &timer) {
  timer.async_wait([](std::error_code) {
    while (!ready)
      sched_yield();
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'sched_yield' blocks the event loop in the completion handler of 'async_wait' [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-4]]:3: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:7: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
  });
}

// Negatives: one yield, and a yield per element of data.
asio::awaitable<void> politeOnce() {
  std::this_thread::yield();
  co_return;
}

asio::awaitable<void> politeWalk(std::vector<int> items) {
  for (int &item : items) {
    item *= 2;
    std::this_thread::yield();
  }
  co_return;
}
