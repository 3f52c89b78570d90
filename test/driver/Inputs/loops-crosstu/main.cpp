#include "storage.h"
#include <uv.h>

static void onTimer(uv_timer_t *) { saveSnapshot(); }

void start(boost::asio::io_context &io, uv_loop_t *loop, uv_timer_t *timer) {
  uv_timer_init(loop, timer);
  uv_timer_start(timer, onTimer, 1000, 1000);
  boost::asio::spawn(io, [&io](boost::asio::yield_context yield) {
    boost::asio::ip::tcp::socket socket(io);
    serve(socket, yield);
  });
}
