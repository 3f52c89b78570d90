#include "repository.h"
#include <coroutine>

std::vector<std::string> names(Repository &repo, const std::vector<int> &ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (int id : ids)
    out.push_back(repo.load(id));
  return out;
}

void markSeen(Repository &repo, const std::vector<int> &ids) {
  for (int id : ids)
    repo.touch(id);
}

int known(const std::vector<int> &wanted, const std::vector<int> &catalog) {
  int n = 0;
  for (int w : wanted)
    n += contains(catalog, w);
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

Task render(std::string page) {
  std::string body = readTemplate("/srv/" + page);
  (void)body;
  int x = pong(3);
  (void)x;
  co_return;
}

// Negatives: one call outside loops; a small constant loop.
std::string first(Repository &repo) {
  std::string s = repo.load(1);
  for (int i = 0; i < 3; ++i)
    s += repo.load(i);
  return s;
}
