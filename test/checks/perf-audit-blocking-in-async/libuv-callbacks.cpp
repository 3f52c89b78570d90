// libuv (libuv1-dev 1.44): callbacks handed to uv_read_start, uv_timer_start,
// uv_idle_start, uv_listen, ... run on the loop, by name or as captureless
// lambdas. uv_queue_work's work callback runs on libuv's thread pool (the
// trap); only its after-work callback runs on the loop. libcurl's easy
// interface (libcurl4-openssl-dev) performs a whole transfer before it
// returns.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver
#include <curl/curl.h>
#include <netdb.h>
#include <uv.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>

static uv_loop_t *loop;

static void allocBuffer(uv_handle_t *, size_t suggested, uv_buf_t *buf) {
  buf->base = static_cast<char *>(malloc(suggested));
  buf->len = suggested;
}

static void fetchReport() {
  CURL *curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, "http://localhost/report");
  curl_easy_perform(curl);
  curl_easy_cleanup(curl);
}

static void onRead(uv_stream_t *client, ssize_t nread, const uv_buf_t *buf) {
  if (nread > 0) {
    FILE *log = fopen("/tmp/requests.log", "a");
    // CHECK-NOTES: :[[@LINE-1]]:17: warning: 'fopen' blocks the event loop in the callback registered with 'uv_read_start' [impact: medium 44] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE+31]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:17: note: run it off the event loop (hand it to uv_queue_work and finish in its after-work callback), or use an asynchronous API
    fwrite(buf->base, 1, nread, log);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'fwrite' blocks the event loop in the callback registered with 'uv_read_start' [impact: medium 44] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE+27]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: run it off the event loop (hand it to uv_queue_work and finish in its after-work callback), or use an asynchronous API
    fclose(log);
  }
  free(buf->base);
}

static void onTimer(uv_timer_t *) { fetchReport(); }
// CHECK-NOTES: :[[@LINE-1]]:37: warning: 'fetchReport' blocks the event loop in the callback registered with 'uv_timer_start' [impact: high 67] [perf-audit-blocking-in-async]
// CHECK-NOTES: :[[@LINE+28]]:3: note: handler registered here
// CHECK-NOTES: :[[@LINE-22]]:3: note: 'curl_easy_perform' blocks here
// CHECK-NOTES: :[[@LINE-4]]:37: note: run it off the event loop (hand it to uv_queue_work and finish in its after-work callback), or use an asynchronous API

// Negatives: the work callback runs on libuv's thread pool; the after-work
// callback, on the loop, does not block.
static void resolveWork(uv_work_t *req) {
  hostent *h = gethostbyname("example.org");
  req->data = h;
}
static void resolveDone(uv_work_t *req, int) { printf("%p\n", req->data); }

static void onConnection(uv_stream_t *server, int status) {
  if (status < 0)
    return;
  auto *client = new uv_tcp_t;
  uv_tcp_init(loop, client);
  if (uv_accept(server, reinterpret_cast<uv_stream_t *>(client)) == 0)
    uv_read_start(reinterpret_cast<uv_stream_t *>(client), allocBuffer, onRead);
}

int main() {
  loop = uv_default_loop();
  uv_tcp_t server;
  uv_tcp_init(loop, &server);
  uv_listen(reinterpret_cast<uv_stream_t *>(&server), 128, onConnection);
  uv_timer_t timer;
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, onTimer, 1000, 1000);
  uv_idle_t idle;
  uv_idle_init(loop, &idle);
  uv_idle_start(&idle, [](uv_idle_t *) { usleep(1000); });
  // CHECK-NOTES: :[[@LINE-1]]:42: warning: 'usleep' sleeps 1 ms on the event loop in the callback registered with 'uv_idle_start' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handler registered here
  // CHECK-NOTES: :[[@LINE-3]]:42: note: wait on a timer of the event loop instead: 'uv_timer_start(&timer, callback, timeout, 0)'
  uv_work_t work;
  uv_queue_work(loop, &work, resolveWork, resolveDone);
  // Before the loop runs: not on it.
  fetchReport();
  return uv_run(loop, UV_RUN_DEFAULT);
}
