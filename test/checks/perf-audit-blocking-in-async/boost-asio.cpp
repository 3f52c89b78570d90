// Boost.Asio (libboost-dev 1.74): coroutines (with clang, enabled by
// -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE) and handlers.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE
// RUN: %clangxx -fsyntax-only -std=c++20 -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE %t.cpp

// Boost 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>
#include <boost/asio.hpp>
#include <chrono>
#include <thread>

namespace net = boost::asio;
using net::ip::tcp;

net::awaitable<void> greet(tcp::socket socket) {
  net::write(socket, net::buffer("hello\n", 6));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'boost::asio::write' blocks the event loop in coroutine 'greet' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-FIXES:  co_await net::async_write(socket, net::buffer("hello\n", 6), boost::asio::use_awaitable);
  net::steady_timer timer(socket.get_executor());
  timer.expires_after(std::chrono::seconds(1));
  timer.wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'wait' blocks the event loop in coroutine 'greet' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-FIXES:  co_await timer.async_wait(boost::asio::use_awaitable);
  co_return;
}

void accept(tcp::acceptor &acceptor, tcp::socket &socket) {
  acceptor.async_accept(socket, [&socket](boost::system::error_code ec) {
    if (!ec)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'std::this_thread::sleep_for' sleeps 10 ms on the event loop in the completion handler of 'async_accept' [impact: high 78] [perf-audit-blocking-in-async]
  });
}

// Negatives.
net::awaitable<void> greetAsync(tcp::socket socket) {
  co_await net::async_write(socket, net::buffer("hello\n", 6), net::use_awaitable);
}

void greetSync(tcp::socket &socket) {
  net::write(socket, net::buffer("hello\n", 6));
}

void background(net::thread_pool &pool) {
  net::post(pool, [] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
}
