// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression test from real code (docs/real-world.md, yaml-cpp's
// Stream::ReadAheadTo): a loop that reads from a stream until a buffer holds
// a given number of characters runs at most that many times, however long
// the stream. A loop that consumes a member (reads the stream on, pops a
// stack), directly or through a method, takes what is left: over all calls
// each element is consumed once (yaml-cpp's Scanner). A loop that walks a
// member without consuming it is still a scan.

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
  std::size_t countLines() const {
    std::size_t Lines = 0;
    for (char C : Readahead)
      Lines += C == '\n';
    return Lines;
  }
  void popIndents() {
    while (!Indents.empty() && Indents.back() > 0)
      popIndent();
  }
  void pushIndent(int N) { Indents.push_back(N); }

private:
  void readAheadTo(std::size_t I) {
    while (Input.good() && Readahead.size() <= I)
      Readahead.push_back(static_cast<char>(Input.get()));
  }
  void popIndent() { Indents.pop_back(); }
  std::istream &Input;
  std::deque<char> Readahead;
  std::vector<int> Indents;
};

std::size_t scan(Stream &S, const std::vector<std::string> &Tokens) {
  std::size_t Total = 0;
  for (const std::string &Token : Tokens)
    S.eat(static_cast<int>(Token.size()));
  for (const std::string &Token : Tokens) {
    S.pushIndent(static_cast<int>(Token.size()));
    S.popIndents();
    Total += S.slurp();
  }
  for (const std::string &Token : Tokens)
    Total += S.countLines() + Token.size();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'countLines' loops over member 'Readahead' on every iteration of the loop over 'Tokens': O(n*m), ~10,000 iterations per call if 'Tokens' and 'Readahead' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Total;
}
