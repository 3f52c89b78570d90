// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression test from real code (docs/real-world.md, yaml-cpp's
// Stream::ReadAheadTo): a loop that reads from a stream until a buffer holds
// a given number of characters runs at most that many times, however long
// the stream. A loop that reads the whole stream is still a scan of it.

#include <deque>
#include <istream>
#include <string>
#include <vector>

class Stream {
public:
  explicit Stream(std::istream &In) : Input(In) {}
  char get() {
    readAheadTo(0);
    char C = Readahead.front();
    Readahead.pop_front();
    return C;
  }
  void eat(int N) {
    for (int I = 0; I < N; ++I)
      get();
  }
  std::size_t slurp() {
    while (Input.good())
      Readahead.push_back(static_cast<char>(Input.get()));
    return Readahead.size();
  }

private:
  void readAheadTo(std::size_t I) {
    while (Input.good() && Readahead.size() <= I)
      Readahead.push_back(static_cast<char>(Input.get()));
  }
  std::istream &Input;
  std::deque<char> Readahead;
};

std::size_t scan(Stream &S, const std::vector<std::string> &Tokens) {
  std::size_t Total = 0;
  for (const std::string &Token : Tokens)
    S.eat(static_cast<int>(Token.size()));
  for (const std::string &Token : Tokens)
    Total += S.slurp() + Token.size();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'slurp' loops over member 'Input' on every iteration of the loop over 'Tokens': O(n*m), ~10,000 iterations per call [impact: medium 48] [perf-audit-nested-loop]
  return Total;
}
