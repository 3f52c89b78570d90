#pragma once
#include <boost/asio.hpp>
#include <boost/asio/spawn.hpp>

void saveSnapshot();
void audit(const char *what);
void serve(boost::asio::ip::tcp::socket &socket, boost::asio::yield_context yield);

// Opens its journal when built and on every entry.
struct Journal {
  Journal();
  void note(int entry);
};
