// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression tests from real code (docs/real-world.md, leveldb): a loop that
// walks its input in blocks, and a method that advances a cursor kept in a
// field, visit each element once in all.

#include <cstddef>
#include <string>
#include <vector>

void put(int key);

// db_bench's writes: batches of `perBatch` entries, `count` entries in all.
void writeInBatches(int count, int perBatch) {
  for (int i = 0; i < count; i += perBatch)
    for (int j = 0; j < perBatch; j++)
      put(j);
}

// The same inner loop under an outer loop that steps by one repeats it.
void writeRepeatedly(int count, int perBatch) {
  for (int i = 0; i < count; i++)
    for (int j = 0; j < perBatch; j++)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'perBatch' runs on every iteration of the loop over 'count': O(n*m), ~10,000 iterations per call if 'count' is ~100 and 'perBatch' is ~100 [impact: medium 48, medium confidence] [perf-audit-nested-loop]
      put(j);
}

// A block iterator: each call moves the restart index forward from where
// the last call left it.
class BlockIter {
public:
  bool parseNextKey(std::size_t offset) {
    while (restart_ + 1 < restarts_.size() && restarts_[restart_ + 1] < offset)
      ++restart_;
    return restart_ < restarts_.size();
  }
  std::size_t find(std::size_t offset) const {
    std::size_t i = 0;
    while (i < restarts_.size() && restarts_[i] < offset)
      ++i;
    return i;
  }

private:
  std::vector<std::size_t> restarts_;
  std::size_t restart_ = 0;
};

int scan(BlockIter &it, const std::vector<std::size_t> &offsets) {
  int n = 0;
  for (std::size_t offset : offsets)
    n += it.parseNextKey(offset);
  for (std::size_t offset : offsets)
    n += static_cast<int>(it.find(offset));
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'find' loops over member 'restarts_' on every iteration of the loop over 'offsets': O(n*m), ~10,000 iterations per call if 'offsets' and 'restarts_' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return n;
}
