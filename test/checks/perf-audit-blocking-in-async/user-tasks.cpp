// Any coroutine type is an async context, not only asio's; users name their
// own event-loop entry points, registration functions (also behind a macro)
// and blocking calls in a model file or with annotations; locks are counted
// only with CheckLocks.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/event-loop.yaml'}}"
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/event-loop.yaml'}}"
// RUN: %check_perf_audit --check-suffix=LOCKS %s perf-audit-blocking-in-async %t-locks -- \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/event-loop.yaml', perf-audit-blocking-in-async.CheckLocks: true}}"

#include <coroutine>
#include <fstream>
#include <mutex>
#include <string>

// A minimal user-defined task type.
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

namespace app {
struct Storage {
  void flushToDisk();
};
struct Reactor {
  Storage storage;
  std::mutex mutex;
  void onReadable(int fd);
};
struct Router {
  template <typename Handler> void on(const char *path, Handler handler) {
    (void)path;
    (void)handler;
  }
};
} // namespace app

// A registration macro expands to the modelled registry call.
#define APP_ROUTE(router, path, handler) (router).on(path, handler)

[[clang::annotate("perf-audit:blocking")]] void legacyRpc(const std::string &method);
[[clang::annotate("perf-audit:async")]] void onTimer(app::Storage &s);

Task handleRequest(std::string path) {
  std::ifstream in(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'std::ifstream' blocks the event loop in coroutine 'handleRequest' [impact: medium 44] [perf-audit-blocking-in-async]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:17: warning: 'std::ifstream' blocks the event loop in coroutine 'handleRequest' [impact: medium 44] [perf-audit-blocking-in-async]
  legacyRpc("ping");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'legacyRpc' blocks the event loop in coroutine 'handleRequest' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:3: warning: 'legacyRpc' blocks the event loop in coroutine 'handleRequest' [impact: high 67] [perf-audit-blocking-in-async]
  co_return;
}

void app::Reactor::onReadable(int fd) {
  std::lock_guard<std::mutex> guard(mutex);
  // CHECK-MESSAGES-LOCKS: :[[@LINE-1]]:31: warning: 'std::lock_guard<std::mutex>' blocks the event loop in event-loop entry point 'Reactor::onReadable' [impact: high 67] [perf-audit-blocking-in-async]
  storage.flushToDisk();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'flushToDisk' blocks the event loop in event-loop entry point 'Reactor::onReadable' [impact: medium 44] [perf-audit-blocking-in-async]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:3: warning: 'flushToDisk' blocks the event loop in event-loop entry point 'Reactor::onReadable' [impact: medium 44] [perf-audit-blocking-in-async]
}

void onTimer(app::Storage &s) {
  legacyRpc("tick");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'legacyRpc' blocks the event loop in 'onTimer' (perf-audit:async) [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:3: warning: 'legacyRpc' blocks the event loop in 'onTimer' (perf-audit:async) [impact: high 67] [perf-audit-blocking-in-async]
}

void routes(app::Router &router, app::Storage &s) {
  router.on("/ping", [] { legacyRpc("ping"); });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'legacyRpc' blocks the event loop in the callback registered with 'on' [impact: high 67] [perf-audit-blocking-in-async]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:27: warning: 'legacyRpc' blocks the event loop in the callback registered with 'on' [impact: high 67] [perf-audit-blocking-in-async]
  APP_ROUTE(router, "/flush", [&s] { s.flushToDisk(); });
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'flushToDisk' blocks the event loop in the callback registered with 'on' [impact: medium 44] [perf-audit-blocking-in-async]
  // CHECK-MESSAGES-LOCKS: :[[@LINE-2]]:38: warning: 'flushToDisk' blocks the event loop in the callback registered with 'on' [impact: medium 44] [perf-audit-blocking-in-async]
}

// Negatives: an ordinary function.
void batchJob(app::Storage &s) {
  s.flushToDisk();
  legacyRpc("batch");
}
