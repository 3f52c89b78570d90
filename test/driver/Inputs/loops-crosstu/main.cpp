#include "storage.h"
#include <uv.h>

static void onTimer(uv_timer_t *) { saveSnapshot(); }
static void onIdle(uv_idle_t *) { Journal().note(1); }

void start(boost::asio::io_context &io, uv_loop_t *loop, uv_timer_t *timer,
           uv_idle_t *idle) {
  uv_timer_init(loop, timer);
  uv_timer_start(timer, onTimer, 1000, 1000);
  uv_idle_start(idle, onIdle);
  boost::asio::spawn(io, [&io](boost::asio::yield_context yield) {
    boost::asio::ip::tcp::socket socket(io);
    serve(socket, yield);
  });
}
