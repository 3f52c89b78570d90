// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression test from real code (docs/real-world.md): a task library whose
// constructor runs the new task's continuations (cpprest's task_from_result
// -> task::task -> _RegisterTask). A constructor's loops over its members
// walk the object it is building, empty or as it filled it: creating a task
// per element is not a nested loop over the caller's data. A method called
// on the caller's own object walks the caller's members.

#include <functional>
#include <memory>
#include <vector>

struct TaskState {
  std::vector<std::function<void()>> Continuations;
};

void registerTask(const std::shared_ptr<TaskState> &State) {
  for (auto &Continuation : State->Continuations)
    Continuation();
}

class Task {
public:
  Task() : State(std::make_shared<TaskState>()) { registerTask(State); }
  void then(std::function<void()> F) {
    State->Continuations.push_back(std::move(F));
  }

private:
  std::shared_ptr<TaskState> State;
};

Task taskFromResult() { return Task(); }

// Negative: one fresh task per element, reached through a lambda and a
// factory.
int readAll(const std::vector<int> &Input) {
  int Sum = 0;
  auto Next = [] { return taskFromResult(); };
  for (int V : Input) {
    Task T = Next();
    Sum += V;
  }
  return Sum;
}

// Negative: constructed directly in the loop.
void startAll(const std::vector<int> &Input) {
  for (int V : Input) {
    Task T;
    T.then([V] { (void)V; });
  }
}

class Scheduler {
public:
  // Positive: the method walks this scheduler's own queue on every element.
  int admit(const std::vector<int> &Input) {
    int Admitted = 0;
    for (int V : Input)
      Admitted += V > pending();
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'pending' loops over member 'Queue' on every iteration of the loop over 'Input': O(n*m), ~10,000 iterations per call if 'Input' and 'Queue' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    return Admitted;
  }

private:
  int pending() const {
    int N = 0;
    for (const Task &T : Queue)
      N += &T != nullptr;
    return N;
  }
  std::vector<Task> Queue;
};
