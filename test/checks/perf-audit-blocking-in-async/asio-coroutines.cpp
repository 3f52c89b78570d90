// Blocking calls inside asio C++20 coroutines (libasio-dev 1.22; with clang
// its coroutine support is enabled by -DASIO_HAS_CO_AWAIT
// -DASIO_HAS_STD_COROUTINE).
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE
// The rewritten file still compiles:
// RUN: %clangxx -fsyntax-only -std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE %t.cpp

#include <asio.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <string>
#include <thread>

using asio::awaitable;
using asio::ip::tcp;

// Positives.

awaitable<void> echo(tcp::socket socket) {
  char data[1024];
  std::size_t n = socket.read_some(asio::buffer(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'read_some' blocks the event loop in coroutine 'echo' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-FIXES:  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  asio::write(socket, asio::buffer(data, n));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::write' blocks the event loop in coroutine 'echo' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-FIXES:  co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' sleeps 20 ms on the event loop in coroutine 'echo' [impact: critical 81] [perf-audit-blocking-in-async]
  co_return;
}

awaitable<void> lookup(tcp::resolver &resolver, const std::string &host) {
  auto endpoints = resolver.resolve(host, "80");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'resolve' blocks the event loop in coroutine 'lookup' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-FIXES:  auto endpoints = co_await resolver.async_resolve(host, "80", asio::use_awaitable);
  (void)endpoints;
  co_return;
}

awaitable<std::string> loadTemplate(const std::string &path) {
  std::ifstream in(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the event loop in coroutine 'loadTemplate' [impact: medium 44] [perf-audit-blocking-in-async]
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  co_return text;
}

awaitable<int> waitForWorker(std::future<int> result, std::thread &worker) {
  int value = result.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'get' blocks the event loop in coroutine 'waitForWorker' [impact: high 67] [perf-audit-blocking-in-async]
  worker.join();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'join' blocks the event loop in coroutine 'waitForWorker' [impact: high 67] [perf-audit-blocking-in-async]
  std::system("sync");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'system' blocks the event loop in coroutine 'waitForWorker' [impact: high 67] [perf-audit-blocking-in-async]
  co_return value;
}

// A synchronous call with an error_code: the asynchronous form would throw
// instead of setting it, so only a note.
awaitable<void> tolerant(tcp::socket &socket) {
  asio::error_code ec;
  asio::write(socket, asio::buffer("ping", 4), ec);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asio::write' blocks the event loop in coroutine 'tolerant' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-FIXES:  asio::write(socket, asio::buffer("ping", 4), ec);
  try {
    co_await asio::async_write(socket, asio::buffer("pong", 4), asio::use_awaitable);
  } catch (const std::exception &) {
    // co_await is not allowed in a handler: no fix-it here either.
    asio::write(socket, asio::buffer("fail", 4));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'asio::write' blocks the event loop in coroutine 'tolerant' [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-FIXES:    asio::write(socket, asio::buffer("fail", 4));
  }
}

// Through a helper of the same file: the chain is in notes.
static std::string readConfig(const std::string &path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

awaitable<void> configure(tcp::socket &socket) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    std::string config = readConfig("/etc/app.conf");
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'readConfig' blocks the event loop in coroutine 'configure', ~3 times per call [impact: medium 50] [perf-audit-blocking-in-async]
    if (!config.empty())
      break;
  }
  co_await asio::async_write(socket, asio::buffer("ok", 2), asio::use_awaitable);
}

// Negatives.

// The asynchronous forms, awaited.
awaitable<void> asyncEcho(tcp::socket socket) {
  char data[1024];
  std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable);
  co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable);
  asio::steady_timer timer(socket.get_executor(), std::chrono::milliseconds(20));
  co_await timer.async_wait(asio::use_awaitable);
}

// The same calls in an ordinary function, on its own thread.
void syncEcho(tcp::socket &socket) {
  char data[1024];
  std::size_t n = socket.read_some(asio::buffer(data));
  asio::write(socket, asio::buffer(data, n));
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

// Work handed to a thread, or to a thread pool, from a coroutine.
awaitable<void> offload(asio::thread_pool &pool) {
  std::thread worker([] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
  worker.detach();
  asio::post(pool, [] { std::ifstream in("/var/log/app.log"); });
  co_return;
}

// Unevaluated operands, a stream that opens nothing, and a lock (only with
// CheckLocks).
awaitable<void> unevaluated(std::mutex &m) {
  using Result = decltype(std::declval<std::future<int> &>().get());
  static_assert(sizeof(std::ifstream("x")) > 0);
  std::ofstream unopened;
  std::lock_guard<std::mutex> lock(m);
  co_return;
}

// Calling a coroutine creates it: its body is judged on its own.
awaitable<void> spawnEcho(asio::io_context &io, tcp::socket socket) {
  asio::co_spawn(io, echo(std::move(socket)), asio::detached);
  co_return;
}
