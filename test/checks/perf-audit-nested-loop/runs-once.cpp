// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// How often code runs (issue 19): statements that run once per call, loops
// of a few or a logarithmic number of steps, and wait loops are not charged
// as work over input; the same work on every iteration still is.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

bool contains(const std::vector<std::string> &v, const std::string &x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Positive: a search of the input on every iteration of a loop over input.
int countKnown(const std::vector<std::string> &names,
               const std::vector<std::string> &known) {
  int n = 0;
  for (const auto &name : names)
    n += contains(known, name);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'contains' loops over 'known' on every iteration of the loop over 'names': O(n*m), ~10,000 iterations per call if 'names' and 'known' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return n;
}

// The value of a return runs once: the error exit of a parse loop.
bool reportUnknown(const std::vector<std::string> &names,
                   const std::vector<std::string> &known);
bool parse(const std::vector<std::string> &tokens,
           const std::vector<std::string> &known) {
  for (const auto &t : tokens) {
    if (t.empty())
      return contains(known, t);
  }
  return true;
}

// A lazy fill guarded by a flag the block turns off runs once.
struct Table {
  bool initialized_ = false;
  std::vector<std::string> names_;
  std::map<std::string, int> index_;
  int lookup(const std::vector<std::string> &keys) {
    int total = 0;
    for (const auto &k : keys) {
      if (!initialized_) {
        for (const auto &n : names_)
          index_.insert({n, static_cast<int>(index_.size())});
        initialized_ = true;
      }
      total += index_[k];
    }
    return total;
  }
};

// A benchmark doubling its size from a constant to a constant runs ten
// times, not 2^20.
void put(int);
void bench() {
  for (int limit = 1 << 10; limit < 1 << 20; limit *= 2)
    for (int i = 0; i < limit; ++i)
      put(i);
}

// A wait loop and a remove-until-it-fails loop are not over input.
bool done();
bool removeOne(std::vector<std::string> &v, const std::string &x) {
  auto it = std::find(v.begin(), v.end(), x);
  if (it == v.end())
    return false;
  v.erase(it);
  return true;
}
void removeAll(std::vector<std::string> &v, const std::string &x) {
  while (removeOne(v, x))
    ;
}
void waitFor(const std::vector<std::string> &known) {
  while (!done())
    contains(known, "ready");
}

// The command line holds a handful of arguments.
int main(int argc, char **argv) {
  int same = 0;
  for (int i = 1; i < argc; ++i)
    for (int j = 1; j < argc; ++j)
      same += std::string(argv[i]) == argv[j];
  return same;
}

// main hands its arguments on: a count followed by C strings is a command
// line wherever it is (a compiler driver's `Compile(argc, argv)`), and the
// few generators matched per argument are not a scan of input.
struct Generator {
  std::string option;
  bool enabled = false;
};
int compile(int argc, const char **argv,
            std::vector<Generator> &generators) {
  int matched = 0;
  for (int i = 1; i < argc; ++i)
    for (Generator &g : generators)
      if (g.option == argv[i]) {
        g.enabled = true;
        ++matched;
      }
  return matched;
}
int parseOptions(int count, char *const *args,
                 const std::vector<std::string> &known) {
  int found = 0;
  for (int i = 0; i < count; ++i)
    found += contains(known, args[i]);
  return found;
}

// A count followed by an array of records is data: still multiplied.
struct Record {
  std::string key;
};
int countKnown(int count, const Record *records,
               const std::vector<std::string> &known) {
  int found = 0;
  for (int i = 0; i < count; ++i)
    found += contains(known, records[i].key);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'contains' loops over 'known' on every iteration of the loop over 'count': O(n*m), ~10,000 iterations per call if 'known' has ~100 elements and 'count' is ~100 [impact: medium 48] [perf-audit-nested-loop]
  return found;
}

// A local container filled only from the command line holds a handful of
// items: a compiler's input files, each compiled by every generator.
int compileAll(int argc, const char **argv,
               const std::vector<Generator> &generators) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i)
    if (argv[i][0] != '-')
      files.push_back(argv[i]);
  int runs = 0;
  for (const std::string &file : files)
    for (const Generator &g : generators)
      runs += g.option == file;
  for (auto it = files.begin(); it != files.end(); ++it)
    for (const Generator &g : generators)
      runs += g.option == *it;
  return runs;
}

// The same in a member of the options parsed from the command line, walked
// by another function (flatc's `options.filenames`): every insertion of the
// unit is one argument's.
struct CompileOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> listed;
  bool verbose = false;
};
CompileOptions parseCompileOptions(int argc, const char **argv,
                                   const std::vector<std::string> &fromFile) {
  CompileOptions o;
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-') {
      o.verbose = true;
      continue;
    }
    o.inputs.push_back(argv[i]);
  }
  // A list read from a file is data.
  for (const std::string &f : fromFile)
    o.listed.push_back(f);
  return o;
}
int compileInputs(const CompileOptions &o,
                  const std::vector<Generator> &generators) {
  int runs = 0;
  for (const std::string &file : o.inputs)
    for (const Generator &g : generators)
      runs += g.option == file;
  for (const std::string &file : o.listed)
    for (const Generator &g : generators)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'generators' runs on every iteration of the loop over 'o.listed': O(n*m), ~10,000 iterations per call if 'o.listed' and 'generators' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      runs += g.option == file;
  return runs;
}

// Filled from a loop over data, it is data.
int matchAll(const std::vector<Record> &records,
             const std::vector<Generator> &generators) {
  std::vector<std::string> keys;
  for (const Record &r : records)
    keys.push_back(r.key);
  int runs = 0;
  for (const std::string &key : keys)
    for (const Generator &g : generators)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'generators' runs on every iteration of the loop over 'keys': O(n*m), ~10,000 iterations per call if 'keys' and 'generators' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      runs += g.option == key;
  return runs;
}

// Filled by something else than single insertions (an assignment from a
// call): what it holds is unknown data.
std::vector<std::string> split(const std::string &text);
int matchWords(int argc, const char **argv,
               const std::vector<Generator> &generators) {
  std::vector<std::string> words;
  for (int i = 1; i < argc; ++i)
    words.push_back(argv[i]);
  if (argc > 2)
    words = split(argv[1]);
  int runs = 0;
  for (const std::string &word : words)
    for (const Generator &g : generators)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'generators' runs on every iteration of the loop over 'words': O(n*m), ~10,000 iterations per call if 'words' and 'generators' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      runs += g.option == word;
  return runs;
}
