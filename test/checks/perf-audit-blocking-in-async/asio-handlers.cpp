// Blocking calls in asio completion handlers and in work posted to an
// io_context: lambdas, local lambda variables, function objects.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver

#include <asio.hpp>
#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

using asio::ip::tcp;

struct Session {
  tcp::socket socket;
  char data[512];

  void start() {
    socket.async_read_some(asio::buffer(data), [this](asio::error_code ec, std::size_t n) {
      if (ec)
        return;
      asio::write(socket, asio::buffer(data, n));
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'asio::write' blocks the event loop in the completion handler of 'async_read_some' [impact: high 67] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-5]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-3]]:7: note: use the asynchronous form 'asio::async_write' with a completion handler
    });
  }
};

void schedule(asio::io_context &io, asio::steady_timer &timer) {
  auto onTick = [](const asio::error_code &) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::this_thread::sleep_for' sleeps 1 s on the event loop in the completion handler of 'async_wait' [impact: critical 100] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE+4]]:3: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: wait on a timer instead: 'co_await timer.async_wait(use_awaitable)' in a coroutine, 'timer.async_wait(handler)' elsewhere
  };
  timer.expires_after(std::chrono::seconds(5));
  timer.async_wait(onTick);

  asio::post(io, [] {
    FILE *f = std::fopen("/tmp/state", "r");
    // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'fopen' blocks the event loop in work posted with 'post' [impact: medium 44] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: posted to the event loop here
    // CHECK-NOTES: :[[@LINE-3]]:15: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
    if (f)
      std::fclose(f);
  });
}

struct Flush {
  std::future<void> *pending;
  void operator()() const {
    pending->wait();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'wait' blocks the event loop in work posted with 'dispatch' [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE+7]]:3: note: posted to the event loop here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
  }
};

void flushLater(asio::io_context &io, std::future<void> &pending) {
  auto strand = asio::make_strand(io);
  asio::dispatch(strand, Flush{&pending});
}

// Through a function that blocks: the function is what must change, so the
// fix names no asynchronous form of the call inside it (it would be a member
// of another object).
struct Reader {
  tcp::socket socket;
  char header[16];
  std::size_t readHeader() { return socket.read_some(asio::buffer(header)); }
};

void onConnected(asio::steady_timer &timer, Reader &reader) {
  timer.async_wait([&reader](const asio::error_code &) {
    reader.readHeader();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'readHeader' blocks the event loop in the completion handler of 'async_wait' [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: handler registered here
    // CHECK-NOTES: :[[@LINE-8]]:37: note: 'read_some' blocks here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
  });
}

// Negatives.

// Work for a thread pool may block.
void offload(asio::thread_pool &pool) {
  asio::post(pool, [] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
  asio::post(pool.get_executor(), [] { std::fopen("/tmp/x", "r"); });
}

// A lambda that is never handed to the event loop; a thread; std::async.
void unrelated() {
  auto slow = [] { std::this_thread::sleep_for(std::chrono::milliseconds(5)); };
  std::thread t(slow);
  t.join();
  auto f = std::async(std::launch::async, [] { std::fopen("/tmp/y", "r"); });
  f.wait();
}

// A handler that only starts the next asynchronous operation.
void chain(tcp::socket &socket, char *buffer) {
  socket.async_read_some(asio::buffer(buffer, 16), [&socket, buffer](asio::error_code ec, std::size_t n) {
    if (!ec)
      asio::async_write(socket, asio::buffer(buffer, n), [](asio::error_code, std::size_t) {});
  });
}
