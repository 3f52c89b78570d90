// RUN: %check_perf_audit %s perf-audit-nested-loop %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver -- -- -std=c++17
//
// Regression test from real code (docs/real-world.md, qBittorrent's
// TorrentContentModel::notifySubtreeUpdated): a parameter of a function
// that only this file can call, given a short constant list by every call,
// is that short; a loop over it inside a loop over input is not O(n*m).
// Where one call passes data, or the function can be called from elsewhere,
// the parameter is input.

#include <string>
#include <vector>

struct Interval {
  int first;
  int last;
};

int hits = 0;

class Model {
public:
  void refreshProgress(int rows) {
    const std::vector<Interval> columns = {{2, 2}};
    notifyRows(rows, columns);
  }
  void refreshNames(int rows) {
    notifyRows(rows, {{0, 0}, {3, 3}});
  }
  void refreshSome(int rows, const std::vector<Interval> &picked) {
    notifySome(rows, picked);
  }
  void refreshAll(int rows) { notifySome(rows, {{0, 5}}); }

  // Callable from anywhere: its callers are not all known here.
  void notifyOpen(const std::vector<int> &rows,
                  const std::vector<Interval> &columns) {
    for (int row : rows)
      for (const Interval &column : columns)
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: nested loop over 'columns' runs on every iteration of the loop over 'rows': O(n*m), ~10,000 iterations per call if 'rows' and 'columns' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
        hits += column.first <= row && row <= column.last;
  }

private:
  void notifyRows(int rows, const std::vector<Interval> &columns) {
    std::vector<int> pending(static_cast<size_t>(rows));
    for (int row : pending)
      for (const Interval &column : columns)
        hits += column.first <= row && row <= column.last;
  }
  // One caller passes what it was given: data.
  void notifySome(int rows, const std::vector<Interval> &columns) {
    std::vector<int> pending(static_cast<size_t>(rows));
    for (int row : pending)
      for (const Interval &column : columns)
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: nested loop over 'columns' runs on every iteration of the loop over 'pending': O(n*m), ~10,000 iterations per call if 'pending' and 'columns' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
        hits += column.first <= row && row <= column.last;
  }
};

// A function of internal linkage whose address is taken can be called
// through the pointer with anything.
namespace {
void notifyAll(const std::vector<int> &rows,
               const std::vector<Interval> &columns) {
  for (int row : rows)
    for (const Interval &column : columns)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'columns' runs on every iteration of the loop over 'rows': O(n*m), ~10,000 iterations per call if 'rows' and 'columns' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      hits += column.first <= row && row <= column.last;
}
void notifyFew(const std::vector<int> &rows,
               const std::vector<Interval> &columns) {
  for (int row : rows)
    for (const Interval &column : columns)
      hits += column.first <= row && row <= column.last;
}
} // namespace

using Notifier = void (*)(const std::vector<int> &,
                          const std::vector<Interval> &);
Notifier pick() { return &notifyAll; }

void refresh(const std::vector<int> &rows) {
  notifyAll(rows, {{1, 1}});
  notifyFew(rows, {{1, 1}});
  const Interval both[] = {{0, 0}, {1, 1}};
  notifyFew(rows, std::vector<Interval>(std::begin(both), std::end(both)));
}
