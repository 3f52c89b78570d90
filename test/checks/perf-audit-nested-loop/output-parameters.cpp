// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression test from real code (docs/real-world.md, Poco's
// `doubleToStr(str, value)`): a function that hands its result back through
// a reference parameter, assigning it as a whole before walking it, walks
// what it wrote, not the caller's data. One that rewrites the parameter from
// its own content, or walks it before writing, still scans the caller's
// data.

#include <cstdio>
#include <string>
#include <vector>

std::string &formatNumber(std::string &Out, double Value) {
  char Buffer[32];
  std::snprintf(Buffer, sizeof Buffer, "%.3f", Value);
  Out = Buffer;
  for (char &C : Out)
    if (C == '.')
      C = ',';
  return Out;
}

void formatAll(std::vector<std::string> &Out, const std::vector<double> &Values) {
  Out.clear();
  for (double V : Values)
    Out.push_back(std::to_string(V));
  for (std::string &S : Out)
    S += ';';
}

std::string &normalise(std::string &Text) {
  Text = Text.substr(0, Text.find('#'));
  for (char &C : Text)
    if (C == '\t')
      C = ' ';
  return Text;
}

std::size_t terminate(std::string &Text) {
  std::size_t Tabs = 0;
  for (char C : Text)
    Tabs += C == '\t';
  Text += '\n';
  return Tabs;
}

std::size_t cells(const std::vector<double> &Values, std::string &Cell,
                  std::vector<std::string> &Row) {
  std::size_t Total = 0;
  for (double V : Values)
    Total += formatNumber(Cell, V).size();
  for (double V : Values) {
    formatAll(Row, {V, V + 1});
    Total += Row.size();
  }
  return Total;
}

std::size_t lines(const std::vector<double> &Values, std::string &Line) {
  std::size_t Total = 0;
  for (double V : Values)
    Total += normalise(Line).size() + static_cast<std::size_t>(V);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'normalise' loops over 'Line' on every iteration of the loop over 'Values': O(n*m), ~10,000 iterations per call if 'Values' and 'Line' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  for (double V : Values)
    Total += terminate(Line) + static_cast<std::size_t>(V);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'terminate' loops over 'Line' on every iteration of the loop over 'Values': O(n*m), ~10,000 iterations per call if 'Values' and 'Line' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Total;
}
