// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp
//
// `std::move` of a trivially copyable object copies its bytes, exactly as a
// copy does (clang-tidy's performance-move-const-arg says the same): the
// move saves nothing the reader expects it to. Priced at the bytes copied,
// so a small one ranks at the bottom. The fix-it removes the std::move. The
// traps: a value bound to a reference (nothing is copied there), an
// overload set that tells `T &&` from `const T &`, and a class that deletes
// its copy but keeps a trivial move (the std::move is what compiles).

#include <array>
#include <utility>
#include <vector>

struct Point {
  double x, y;
};
struct Packet {
  std::array<char, 4096> bytes;
};

void take(Point p);
int scale(int factor, Point origin) {
  take(std::move(origin));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'origin' (Point) is trivially copyable: std::move copies its 16 bytes as a copy does; remove the std::move [impact: low 7] [perf-audit-excess-copy]
  // CHECK-FIXES: take(origin);
  int copy = std::move(factor);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'factor' (int) is trivially copyable: std::move copies its 4 bytes as a copy does; remove the std::move [impact: low 0] [perf-audit-excess-copy]
  // CHECK-FIXES: int copy = factor;
  const int limit = 3;
  return copy + std::move(limit);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'limit' (int) is trivially copyable: std::move copies its 4 bytes as a copy does; remove the std::move [impact: low 0] [perf-audit-excess-copy]
  // CHECK-FIXES: return copy + limit;
}

struct Buffer {
  Packet packet;
  Packet release() { return std::move(packet); }
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'packet' (Packet) is trivially copyable: std::move copies its 4,096 bytes as a copy does; remove the std::move [impact: low 33] [perf-audit-excess-copy]
  // CHECK-FIXES: Packet release() { return packet; }
};

// A subscript is a postfix expression as the call was; a dereference keeps
// parentheses.
Point firstOf(std::vector<Point> &points, const Point *last) {
  Point first = std::move(points[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'points[0]' (Point) is trivially copyable: std::move copies its 16 bytes as a copy does; remove the std::move [impact: low 7] [perf-audit-excess-copy]
  // CHECK-FIXES: Point first = points[0];
  Point final = std::move(*last);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: '*last' (Point) is trivially copyable: std::move copies its 16 bytes as a copy does; remove the std::move [impact: low 7] [perf-audit-excess-copy]
  // CHECK-FIXES: Point final = (*last);
  first.x += final.x;
  return first;
}

// Negatives.
void bind(const Point &p);
void choose(Point &&p);
void choose(const Point &p);
struct Descriptor {
  Descriptor() = default;
  Descriptor(const Descriptor &) = delete;
  Descriptor(Descriptor &&) = default;
  int fd = -1;
};
Descriptor adopt(Descriptor d);

void negatives(Point p, Descriptor d, std::vector<Point> &out) {
  bind(std::move(p));
  choose(std::move(p));
  out.push_back(std::move(p));
  adopt(std::move(d));
  // A closure, trivially copyable or not, is moved as callables are.
  auto task = [] { return 1; };
  auto moved = std::move(task);
  (void)moved;
}
