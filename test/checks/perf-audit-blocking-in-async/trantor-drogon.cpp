// trantor and drogon (not packaged by Debian: stand-in headers in
// test/Inputs/standins): work run or queued on a trantor::EventLoop, its
// timers, and the handlers registered with drogon's registerHandler run on
// the loop. Work on a thread of its own and drogon's asynchronous query are
// the traps.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++17 -I %S/../../Inputs/standins
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++17 -I %S/../../Inputs/standins
#include <drogon/HttpAppFramework.h>
#include <drogon/orm/DbClient.h>
#include <trantor/net/EventLoop.h>
#include <chrono>
#include <fstream>
#include <memory>
#include <string>
#include <thread>

void scheduleFlush(trantor::EventLoop *loop, std::string path) {
  loop->runEvery(5.0, [path] {
    std::ofstream out(path, std::ios::app);
    // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'std::ofstream' blocks the event loop in the callback registered with 'runEvery' [impact: medium 44] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:19: note: run it off the event loop (on a worker thread, coming back with loop->queueInLoop(...)), or use an asynchronous API
    out << "tick\n";
  });
  loop->queueInLoop([] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); });
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'std::this_thread::sleep_for' sleeps 20 ms on the event loop in work posted with 'queueInLoop' [impact: critical 81] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: posted to the event loop here
  // CHECK-NOTES: :[[@LINE-3]]:26: note: wait on a timer of the event loop instead: 'loop->runAfter(delay, callback)'
}

void routes(std::shared_ptr<drogon::orm::DbClient> db) {
  drogon::app().registerHandler(
      "/users", [db](const drogon::HttpRequestPtr &,
                     std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
        auto users = db->execSqlSync("SELECT * FROM users");
        // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'execSqlSync' blocks the event loop in the callback registered with 'registerHandler' [impact: high 63] [perf-audit-blocking-in-async]
        // CHECK-NOTES: :[[@LINE-5]]:3: note: handler registered here
        // CHECK-NOTES: :[[@LINE-3]]:22: note: run it off the event loop (on a worker thread, coming back with loop->queueInLoop(...)), or use an asynchronous API
        auto resp = drogon::HttpResponse::newHttpResponse();
        resp->setBody(std::to_string(users.size()));
        callback(resp);
      });
}

// Negatives.
void routesAsync(std::shared_ptr<drogon::orm::DbClient> db) {
  drogon::app().registerHandler(
      "/count", [db](const drogon::HttpRequestPtr &,
                     std::function<void(const drogon::HttpResponsePtr &)> &&callback) {
        db->execSqlAsync("SELECT count(*) FROM users",
                         [callback](const drogon::orm::Result &r) {
                           auto resp = drogon::HttpResponse::newHttpResponse();
                           resp->setBody(std::to_string(r.size()));
                           callback(resp);
                         });
      });
}

void writeInWorker(trantor::EventLoop *loop, std::string path) {
  std::thread([loop, path] {
    std::ofstream out(path);
    out << "report\n";
    loop->queueInLoop([] {});
  }).detach();
}
