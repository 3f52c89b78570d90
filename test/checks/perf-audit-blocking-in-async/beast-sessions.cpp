// Boost.Beast sessions (libboost-dev 1.74): member functions bound with
// beast::bind_front_handler (or std::bind) and handed to an asynchronous
// operation are completion handlers; so are plain functions passed by name.
// A handler that starts the next read (re-arms itself) only starts it.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++17
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <string>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
  explicit HttpSession(tcp::socket socket) : stream_(std::move(socket)) {}
  void run() { doRead(); }

private:
  void doRead() {
    request_ = {};
    http::async_read(stream_, buffer_, request_,
                     beast::bind_front_handler(&HttpSession::onRead, shared_from_this()));
  }

  void onRead(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    http::response<http::string_body> res{http::status::ok, request_.version()};
    res.body() = readFile(std::string(request_.target()));
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'readFile' blocks the event loop in the completion handler of 'async_read' [impact: medium 44] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-10]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE+11]]:19: note: 'std::ifstream' blocks here
    // CHECK-NOTES: :[[@LINE-4]]:18: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
    res.prepare_payload();
    http::write(stream_, res);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'boost::beast::http::write' blocks the event loop in the completion handler of 'async_read' [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-16]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: use the asynchronous form 'boost::beast::http::async_write' with a completion handler
    doRead();
  }

  static std::string readFile(const std::string &path) {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
};

class EchoSession : public std::enable_shared_from_this<EchoSession> {
public:
  explicit EchoSession(tcp::socket socket) : ws_(std::move(socket)) {}
  void run() {
    ws_.async_accept(
        std::bind(&EchoSession::onAccept, shared_from_this(), std::placeholders::_1));
  }

private:
  void onAccept(beast::error_code ec) {
    if (ec)
      return;
    ws_.async_read(buffer_, beast::bind_front_handler(&EchoSession::onRead, shared_from_this()));
  }
  void onRead(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    ws_.text(ws_.got_text());
    ws_.write(buffer_.data());
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'write' blocks the event loop in the completion handler of 'async_read' [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-8]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: use the asynchronous form 'ws_.async_write' with a completion handler
    buffer_.consume(buffer_.size());
    ws_.async_read(buffer_, beast::bind_front_handler(&EchoSession::onRead, shared_from_this()));
  }
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
};

// A plain function by name.
void onConnected(beast::error_code ec, tcp::endpoint) {
  if (!ec)
    std::ofstream("/tmp/connections.log", std::ios::app) << "connected\n";
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'std::ofstream' blocks the event loop in the completion handler of 'async_connect' [impact: medium 44] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE+5]]:3: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
}

void connect(beast::tcp_stream &stream, tcp::resolver::results_type endpoints) {
  stream.async_connect(endpoints, onConnected);
}

// Negatives: a handler that only writes asynchronously, and one whose file
// work goes to a thread pool.
class Writer : public std::enable_shared_from_this<Writer> {
public:
  Writer(tcp::socket socket, net::thread_pool &pool)
      : stream_(std::move(socket)), pool_(pool) {}
  void run() {
    http::async_read(stream_, buffer_, request_,
                     beast::bind_front_handler(&Writer::onRead, shared_from_this()));
  }

private:
  void onRead(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    std::string target(request_.target());
    net::post(pool_, [target] { std::ofstream("/tmp/requests.log", std::ios::app) << target; });
    response_ = {http::status::ok, request_.version()};
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&Writer::onWrite, shared_from_this()));
  }
  void onWrite(beast::error_code, std::size_t) {}

  beast::tcp_stream stream_;
  net::thread_pool &pool_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

// A file served per request: Beast's file_body opens the file on the loop.
class FileSession : public std::enable_shared_from_this<FileSession> {
public:
  explicit FileSession(tcp::socket socket) : stream_(std::move(socket)) {}
  void run() {
    http::async_read(stream_, buffer_, request_,
                     beast::bind_front_handler(&FileSession::onRead, shared_from_this()));
  }

private:
  void onRead(beast::error_code ec, std::size_t) {
    if (ec)
      return;
    http::file_body::value_type body;
    body.open(std::string(request_.target()).c_str(), beast::file_mode::scan, ec);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'open' blocks the event loop in the completion handler of 'async_read' [impact: medium 44] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-11]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: run it on a thread pool (post it to an asio::thread_pool and resume when it is done), or use an asynchronous API
    if (ec)
      return;
    response_ = {std::piecewise_construct, std::make_tuple(std::move(body)),
                 std::make_tuple(http::status::ok, request_.version())};
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&FileSession::onWrite, shared_from_this()));
  }
  void onWrite(beast::error_code, std::size_t) {}

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::file_body> response_;
};
