#include "storage.h"

void serve(boost::asio::ip::tcp::socket &socket, boost::asio::yield_context yield) {
  audit("connection");
  char data[64];
  socket.async_read_some(boost::asio::buffer(data), yield);
}
