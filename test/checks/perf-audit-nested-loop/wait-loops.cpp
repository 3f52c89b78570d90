// RUN: %check_perf_audit %s perf-audit-nested-loop %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver -- -- -std=c++17
//
// Regression test from real code (docs/real-world.md, leveldb's
// DBImpl::Write): a loop that only waits on a condition variable repeats
// once per wake-up, not once per element of the queue its condition reads.
// A loop that walks the queue is still a scan.

#include <condition_variable>
#include <deque>
#include <mutex>

struct Writer {
  bool Done = false;
  std::condition_variable Cv;
};

class WriteQueue {
public:
  void write(Writer &W) {
    std::unique_lock<std::mutex> Lock(Mu);
    Writers.push_back(&W);
    while (!W.Done && &W != Writers.front())
      W.Cv.wait(Lock);
    Writers.pop_front();
  }
  bool isQueued(const Writer &W) {
    std::lock_guard<std::mutex> Lock(Mu);
    for (const Writer *Queued : Writers)
      if (Queued == &W)
        return true;
    return false;
  }

private:
  std::mutex Mu;
  std::deque<Writer *> Writers;
};

int writeAll(WriteQueue &Queue, std::deque<Writer> &Batch) {
  int Queued = 0;
  for (Writer &W : Batch)
    Queue.write(W);
  for (Writer &W : Batch)
    Queued += Queue.isQueued(W);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'isQueued' loops over member 'Writers' on every iteration of the loop over 'Batch': O(n*m), ~10,000 iterations per call if 'Batch' and 'Writers' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Queued;
}

// A fresh key: the loop draws until the set does not hold it, a retry that
// ends after a try or two, not a walk of the set.
#include <set>

int draw();

class Registry {
public:
  int freshId() const {
    int Id = draw();
    while (Ids.count(Id) != 0 || Reserved.find(Id) != Reserved.end())
      Id = draw();
    return Id;
  }

private:
  std::set<int> Ids;
  std::set<int> Reserved;
};

int registerAll(const Registry &R, const std::deque<Writer> &Batch) {
  int Last = 0;
  for (const Writer &W : Batch)
    Last = R.freshId() + W.Done;
  return Last;
}

// A loop that runs until a count reaches a constant (raised by a callee)
// does at most that many turns, whatever the queue holds: not a loop over
// the batch.
#include <string>
#include <vector>

constexpr int MaxInFlight = 50;

struct Batch {
  int InFlight = 0;
  std::vector<std::string> Pending;
};

class Loader {
public:
  void startNext(Batch *B) {
    ++B->InFlight;
    for (const std::string &Name : Known)
      if (Name == B->Pending.back())
        break;
    B->Pending.pop_back();
  }
  void fill(Batch *B) {
    while (B->InFlight < MaxInFlight && !B->Pending.empty())
      startNext(B);
  }
  // A total kept below a constant on either of two conditions (a dealer
  // drawing to 17): at most their sum of turns.
  void drawTo(Batch *B) {
    int High = B->InFlight, Low = B->InFlight;
    while (High < 17 || (High > 21 && Low < 17)) {
      startNext(B);
      High = B->InFlight;
      Low = High - 10;
    }
  }
  // Against a bound that is data, it is still a loop over input.
  void fillTo(Batch *B, const std::vector<int> &Limits) {
    while (B->InFlight < static_cast<int>(Limits.size()))
      startNext(B);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'startNext' loops over member 'Known' on every iteration of the loop over 'B->InFlight': O(n*m), ~10,000 iterations per call if 'Known' has ~100 elements and 'B->InFlight' is ~100 [impact: medium 48] [perf-audit-nested-loop]
  }

private:
  std::vector<std::string> Known;
};

// A file opened from a path holds the file's lines, not the path's
// characters: reading one per item is not a scan of the item.
#include <fstream>

int countLines(const std::string &Path) {
  std::ifstream In(Path);
  std::string Line;
  int Lines = 0;
  while (std::getline(In, Line))
    ++Lines;
  return Lines;
}

int countWords(const std::string &Text) {
  int Words = 0;
  for (char C : Text)
    Words += C == ' ';
  return Words;
}

int measure(const std::vector<std::string> &Paths, const std::string &Index) {
  int Total = 0;
  for (const std::string &P : Paths)
    Total += countLines(Index) + static_cast<int>(P.size());
  for (const std::string &P : Paths)
    Total += countWords(Index) + static_cast<int>(P.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'countWords' loops over 'Index' on every iteration of the loop over 'Paths': O(n*m), ~10,000 iterations per call if 'Paths' and 'Index' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Total;
}
