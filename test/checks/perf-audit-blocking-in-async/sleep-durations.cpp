// How long a sleep on the event loop lasts, whatever way the duration is
// spelled. The literal operators of <chrono> (`10ms`, `2s`) are literal
// operator templates in libstdc++: their calls have no argument, so the
// duration is read by evaluating the call, not by taking the literal apart
// (doing so read past the call's arguments and crashed now and then).
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE

#include <asio.hpp>
#include <chrono>
#include <thread>
#include <unistd.h>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;
using namespace std::chrono_literals;

constexpr auto Backoff = 250ms;

// Positives: every constant spelling has its duration in the message.

awaitable<void> echo(tcp::socket socket) {
  char data[1024];
  // A session loop: how many messages it serves is not seen, so the sleep
  // counts once, not ~100 times.
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), use_awaitable);
    std::this_thread::sleep_for(10ms);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' sleeps 10 ms on the event loop in coroutine 'echo' [impact: high 78] [perf-audit-blocking-in-async]
    co_await asio::async_write(socket, asio::buffer(data, n), use_awaitable);
  }
}

awaitable<void> spellings() {
  std::this_thread::sleep_for(2s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps 2 s on the event loop in coroutine 'spellings' [impact: critical 100] [perf-audit-blocking-in-async]
  std::this_thread::sleep_for(1.5s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps 1.5 s on the event loop in coroutine 'spellings' [impact: critical 100] [perf-audit-blocking-in-async]
  std::this_thread::sleep_for(1s + 500ms);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps 1.5 s on the event loop in coroutine 'spellings' [impact: critical 100] [perf-audit-blocking-in-async]
  std::this_thread::sleep_for(Backoff);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps 250 ms on the event loop in coroutine 'spellings' [impact: critical 93] [perf-audit-blocking-in-async]
  std::this_thread::sleep_for(std::chrono::duration<double>(0.25));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps 250 ms on the event loop in coroutine 'spellings' [impact: critical 93] [perf-audit-blocking-in-async]
  std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(3ms));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps 3 ms on the event loop in coroutine 'spellings' [impact: high 72] [perf-audit-blocking-in-async]
  usleep(1000);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'usleep' sleeps 1 ms on the event loop in coroutine 'spellings' [impact: high 67] [perf-audit-blocking-in-async]
  co_return;
}

// A duration known only at run time: the sleep blocks, for how long is not
// said.
awaitable<void> configured(std::chrono::milliseconds delay) {
  std::this_thread::sleep_for(delay);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the event loop in coroutine 'configured' [impact: high 67] [perf-audit-blocking-in-async]
  co_return;
}

// Negatives: not on an event loop.

void worker() {
  std::this_thread::sleep_for(10ms);
}
