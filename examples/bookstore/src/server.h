#pragma once
#include "repository.h"
#include <asio.hpp>

namespace bookstore {

/// Serves order status over TCP, one coroutine per connection.
asio::awaitable<void> serveClient(asio::ip::tcp::socket socket, Repository &repo);
asio::awaitable<void> listen(asio::ip::tcp::acceptor acceptor, Repository &repo);

} // namespace bookstore
