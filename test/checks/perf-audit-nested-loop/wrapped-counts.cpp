// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression test from real code (docs/real-world.md, yaml-cpp's emitter:
// `out << IndentTo(indent)` for every character of a literal): a count
// wrapped in a struct of numbers is still a count. The callee pads as many
// columns as its caller asked for; that is not a scan of the caller's data.
// A struct that carries a pointer or a container with its count is data.

#include <cstddef>
#include <string>
#include <vector>

struct Writer {
  std::string Text;
  std::size_t Column = 0;
  Writer &put(char C) {
    Text += C;
    Column = C == '\n' ? 0 : Column + 1;
    return *this;
  }
};

struct IndentTo {
  IndentTo(std::size_t N) : N(N) {}
  std::size_t N;
};
Writer &operator<<(Writer &Out, const IndentTo &Indent) {
  while (Out.Column < Indent.N)
    Out.put(' ');
  return Out;
}

struct Indentation {
  Indentation(std::size_t N) : N(N) {}
  std::size_t N;
};
Writer &operator<<(Writer &Out, const Indentation &Indent) {
  for (std::size_t I = 0; I < Indent.N; ++I)
    Out.put(' ');
  return Out;
}

// A column and a line, derived from a struct of numbers.
struct Position {
  int Line;
  int Column;
};
struct Cursor : Position {};
int distance(const Cursor &From) {
  int Steps = 0;
  for (int I = 0; I < From.Column; ++I)
    ++Steps;
  return Steps;
}

void writeLiteral(Writer &Out, const std::string &Str, std::size_t Indent) {
  for (char C : Str) {
    if (C == '\n') {
      Out.put('\n') << Indentation(Indent);
    } else {
      Out << IndentTo(Indent);
      Out.put(C);
    }
  }
}

int columns(const std::vector<int> &Widths, const Cursor &Origin) {
  int Total = 0;
  for (int Width : Widths)
    Total += Width + distance(Origin);
  return Total;
}

// A span: a pointer and its length. Its length is the size of the data the
// pointer reaches.
struct Span {
  const int *Data;
  std::size_t Size;
};
long sum(const Span &S) {
  long Total = 0;
  for (std::size_t I = 0; I < S.Size; ++I)
    Total += S.Data[I];
  return Total;
}
long sumAll(const std::vector<int> &Keys, const Span &Values) {
  long Total = 0;
  for (int Key : Keys)
    Total += Key * sum(Values);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'sum' loops over 'Values' on every iteration of the loop over 'Keys': O(n*m), ~10,000 iterations per call if 'Keys' and 'Values' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
  return Total;
}
