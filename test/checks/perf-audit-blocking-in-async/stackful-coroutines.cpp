// Boost.Asio stackful coroutines (libboost-dev 1.74): the function given to
// boost::asio::spawn, and any function taking a yield_context (it can only
// run inside one), run on the event loop. The asynchronous form of a
// synchronous call takes the yield context as its completion token; the
// overload with an error code keeps it: `yield[ec]`.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++17
// RUN: %clangxx -fsyntax-only -std=c++17 %t.cpp
#include <boost/asio.hpp>
#include <boost/asio/spawn.hpp>
#include <chrono>
#include <fstream>
#include <string>
#include <thread>

namespace net = boost::asio;
using net::ip::tcp;

void echo(tcp::socket &socket, net::yield_context yield) {
  char data[512];
  std::size_t n = socket.read_some(net::buffer(data));
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'read_some' blocks the event loop in stackful coroutine 'echo' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:19: note: use the asynchronous form: 'socket.async_read_some(..., yield)'
  // CHECK-FIXES: std::size_t n = socket.async_read_some(net::buffer(data), yield);
  net::write(socket, net::buffer(data, n));
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'boost::asio::write' blocks the event loop in stackful coroutine 'echo' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: use the asynchronous form: 'boost::asio::async_write(..., yield)'
  // CHECK-FIXES: net::async_write(socket, net::buffer(data, n), yield);
}

std::string loadGreeting() {
  std::ifstream in("/etc/motd");
  std::string line;
  std::getline(in, line);
  return line;
}

// Through a helper that takes no yield context.
void greet(tcp::socket &socket, net::yield_context yield) {
  std::string text = loadGreeting();
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'loadGreeting' blocks the event loop in stackful coroutine 'greet' [impact: medium 44] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-10]]:17: note: 'std::ifstream' blocks here
  // CHECK-NOTES: :[[@LINE-3]]:22: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
  net::async_write(socket, net::buffer(text), yield);
}

// The function given to spawn. Its call of echo() is reported in echo.
void listen(net::io_context &io, unsigned short port) {
  net::spawn(io, [&io, port](net::yield_context y) {
    tcp::acceptor acceptor(io, tcp::endpoint(tcp::v4(), port));
    for (;;) {
      tcp::socket socket(io);
      acceptor.async_accept(socket, y);
      echo(socket, y);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'std::this_thread::sleep_for' sleeps 5 ms on the event loop in a stackful coroutine lambda [impact: high 74] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-2]]:7: note: wait on a timer instead: 'timer.async_wait(y)'
    }
  });
}

// The non-throwing overload: the asynchronous form with yield[ec] sets the
// same error code. No fix-it: the argument itself changes.
void readWithErrorCode(tcp::socket &socket, net::yield_context yield) {
  char data[16];
  boost::system::error_code ec;
  socket.read_some(net::buffer(data), ec);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'read_some' blocks the event loop in stackful coroutine 'readWithErrorCode' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: use the asynchronous form: 'socket.async_read_some(..., yield[ec])'
  // CHECK-FIXES: socket.read_some(net::buffer(data), ec);
}

// Negatives.
void echoAsync(tcp::socket &socket, net::yield_context yield) {
  char data[512];
  boost::system::error_code ec;
  std::size_t n = socket.async_read_some(net::buffer(data), yield[ec]);
  if (!ec)
    net::async_write(socket, net::buffer(data, n), yield[ec]);
}

void echoSync(tcp::socket &socket) {
  char data[512];
  std::size_t n = socket.read_some(net::buffer(data));
  net::write(socket, net::buffer(data, n));
}

// Work posted to a thread pool may block.
void archive(net::thread_pool &pool, std::string path) {
  net::post(pool, [path] {
    std::ofstream out(path);
    out << "done\n";
  });
}
