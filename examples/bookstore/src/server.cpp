#include "server.h"
#include <chrono>
#include <fstream>
#include <thread>

namespace bookstore {

static std::string loadBanner() {
  // Blocking file I/O: fine at start-up, not on the event loop.
  std::ifstream in("banner.txt");
  std::string banner;
  std::getline(in, banner);
  return banner;
}

asio::awaitable<void> serveClient(asio::ip::tcp::socket socket, Repository &repo) {
  std::string banner = loadBanner();
  co_await asio::async_write(socket, asio::buffer(banner), asio::use_awaitable);
  char request[64];
  std::size_t n = co_await socket.async_read_some(asio::buffer(request),
                                                  asio::use_awaitable);
  int orderId = std::atoi(std::string(request, n).c_str());
  // A synchronous write and a sleep inside the coroutine block every other
  // connection served by this thread.
  asio::write(socket, asio::buffer(std::to_string(orderId)));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  repo.setStatus(orderId, "seen");
}

asio::awaitable<void> listen(asio::ip::tcp::acceptor acceptor, Repository &repo) {
  for (;;) {
    asio::ip::tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    asio::co_spawn(acceptor.get_executor(), serveClient(std::move(socket), repo),
                   asio::detached);
  }
}

} // namespace bookstore
