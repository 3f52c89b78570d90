#include "catalog.h"
#include <coroutine>

int known(const std::vector<int> &wanted, const std::vector<int> &catalog) {
  int n = 0;
  for (int w : wanted)
    n += contains(catalog, w);
  return n;
}

int listed(const std::vector<int> &wanted, const std::vector<int> &catalog) {
  int n = 0;
  for (int w : wanted)
    n += member(catalog, w);
  return n;
}

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

std::mutex hits_mutex;
int hits = 0;

Task serve() {
  countLocked(hits_mutex, hits);
  co_return;
}
