// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression tests from real code (docs/real-world.md): a lookup that builds
// its cache on the first call (SQLiteCpp's Statement::getColumnIndex), and a
// tokenizer that advances the caller's iterator (SOCI's get_key_value), do
// not repeat their loop on every call.

#include <cstdio>
#include <map>
#include <string>
#include <vector>

class Statement {
public:
  bool executeStep();
  int columnIndex(const std::string &name) const;
  int columnIndexUncached(const std::string &name) const;

private:
  std::vector<std::string> columns_;
  mutable std::map<std::string, int> index_;
};

// The map of names is built once per statement, on the first call.
int Statement::columnIndex(const std::string &name) const {
  if (index_.empty()) {
    for (int i = 0; i < static_cast<int>(columns_.size()); ++i)
      index_[columns_[i]] = i;
  }
  auto it = index_.find(name);
  return it == index_.end() ? -1 : it->second;
}

// The same search without the cache: a scan of the columns on every call.
int Statement::columnIndexUncached(const std::string &name) const {
  for (int i = 0; i < static_cast<int>(columns_.size()); ++i)
    if (columns_[i] == name)
      return i;
  return -1;
}

int sumIds(Statement &query, const std::vector<std::string> &names) {
  int total = 0;
  for (const std::string &name : names)
    total += query.columnIndex(name);
  for (const std::string &name : names)
    total += query.columnIndexUncached(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'columnIndexUncached' loops over member 'columns_' on every iteration of the loop over 'names': O(n*m), ~10,000 iterations per call if 'names' and 'columns_' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return total;
}

// A tokenizer that consumes the input through the caller's iterator: the two
// loops together visit each character once.
using Cursor = std::string::const_iterator;

Cursor nextKey(Cursor &it, const Cursor &end, std::string &key) {
  key.clear();
  while (it != end && *it != ' ') {
    key += *it;
    ++it;
  }
  if (it != end)
    ++it;
  return it;
}

// The same tokenizer handed a copy of the iterator: each call scans the rest
// of the input again.
std::size_t restLength(Cursor it, const Cursor &end) {
  std::size_t n = 0;
  while (it != end) {
    ++n;
    ++it;
  }
  return n;
}

std::vector<std::string> keys(const std::string &text) {
  std::vector<std::string> result;
  std::string key;
  Cursor it = text.begin();
  while (it != text.end()) {
    it = nextKey(it, text.end(), key);
    result.push_back(key);
  }
  return result;
}

std::size_t suffixLengths(const std::string &text) {
  std::size_t total = 0;
  for (Cursor it = text.begin(); it != text.end(); ++it)
    total += restLength(it, text.end());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'restLength' loops over 'text.end()' on every iteration of the loop over 'text': O(n^2), ~10,000 iterations per call if 'text' and 'text.end()' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return total;
}

// An inner loop that goes on with the outer loop's own iterator (libpqxx's
// icursorstream::service_iterators): one pass over the input in total.
struct Job { int position; int payload; };
void fill(int payload);

void serveInOrder(const std::vector<Job> &todo) {
  const auto end = todo.end();
  for (auto i = todo.begin(); i != end;) {
    const int position = i->position;
    for (; i != end && i->position == position; ++i)
      fill(i->payload);
  }
}

// A queue drained by the loop that walks it (yaml-cpp's node::mark_defined,
// leveldb's bloom filter Build): each element is visited once over all calls.
// A debug dump behind a constant-false condition never runs, and a call that
// fills a cache once is paid once per object.
static const int kVerbose = 1;

class Filter {
public:
  void add(const std::string &key) { pending_.push_back(key); }
  bool matches(const std::string &key) {
    build();
    return bits_.find(key) != std::string::npos;
  }
  bool check(const std::string &key) const {
    if (kVerbose >= 2)
      dump();
    return !key.empty();
  }
  bool matchesAll(const std::string &key) const {
    for (const std::string &k : all_)
      if (k == key)
        return true;
    return false;
  }
  const std::string &summary() {
    if (summary_.empty())
      summary_ = describe();
    return summary_;
  }

private:
  void build() {
    for (std::size_t i = 0; i < pending_.size(); ++i)
      bits_ += pending_[i];
    pending_.clear();
  }
  void dump() const {
    for (const std::string &key : all_)
      std::puts(key.c_str());
  }
  std::string describe() const {
    std::string out;
    for (const std::string &key : all_)
      out += key;
    return out;
  }
  std::vector<std::string> pending_, all_;
  std::string bits_, summary_;
};

int countMatches(Filter &filter, const std::vector<std::string> &keys) {
  int count = 0;
  for (const std::string &key : keys) {
    count += filter.matches(key);
    count += filter.summary().size() > key.size();
    count += filter.check(key);
  }
  for (const std::string &key : keys)
    count += filter.matchesAll(key);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'matchesAll' loops over member 'all_' on every iteration of the loop over 'keys': O(n*m), ~10,000 iterations per call if 'keys' and 'all_' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return count;
}

// Per-level cursors kept across calls (leveldb's
// Compaction::IsBaseLevelForKey): the levels above the compaction's are a
// constant few, and each level's files are walked once over all the keys.
static const int kNumLevels = 7;

class Compaction {
public:
  bool isBaseLevelForKey(const std::string &key) {
    for (int lvl = level_ + 2; lvl < kNumLevels; lvl++) {
      const std::vector<std::string> &files = files_[lvl];
      while (levelPtrs_[lvl] < files.size()) {
        if (key <= files[levelPtrs_[lvl]])
          return key < files[levelPtrs_[lvl]];
        levelPtrs_[lvl]++;
      }
    }
    return true;
  }
  // Counts down from the member: as many turns as the member says.
  int countDown() const {
    int turns = 0;
    for (int i = pending_; i > 0; --i)
      turns += i;
    return turns;
  }

private:
  int level_ = 0;
  int pending_ = 0;
  std::vector<std::string> files_[kNumLevels];
  std::size_t levelPtrs_[kNumLevels] = {};
};

int compact(Compaction &c, const std::vector<std::string> &keys) {
  int base = 0;
  for (const std::string &key : keys)
    base += c.isBaseLevelForKey(key);
  for (const std::string &key : keys)
    base += c.countDown() + static_cast<int>(key.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'countDown' loops over member 'pending_' on every iteration of the loop over 'keys': O(n*m), ~10,000 iterations per call if 'keys' and 'pending_' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return base;
}
