// A callee's loop behind a test of a parameter (`if (role == FontRole)`)
// runs only for the arguments that pass it: a call with a constant that
// fails the test does not inherit the loop.
//
// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver

#include <string>
#include <vector>

enum Role { DisplayRole, FontRole, ToolTipRole };

struct Catalog {
  std::vector<std::string> names;
  std::vector<std::string> fonts;

  // Only the font role searches the font list.
  std::string data(int row, Role role = DisplayRole) const {
    if (role == FontRole) {
      for (const std::string &f : fonts)
        if (f.size() == names[row].size())
          return f;
      return {};
    }
    return names[row];
  }
  // Every role but the tooltip one scans.
  int width(int row, Role role) const {
    if (role != ToolTipRole) {
      int w = 0;
      for (const std::string &f : fonts)
        w += static_cast<int>(f.size()) + row;
      return w;
    }
    return 0;
  }
};

int render(const Catalog &c, const std::vector<int> &rows, Role chosen) {
  int total = 0;
  for (int row : rows) {
    total += c.data(row, DisplayRole).size(); // Never reaches the scan.
    total += c.data(row).size();              // The default role: nor this.
    total += c.width(row, ToolTipRole);       // Nor this.
    total += c.data(row, FontRole).size();    // Scans the fonts per row.
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'data' loops over member 'fonts' on every iteration of the loop over 'rows': O(n*m), ~10,000 iterations per call if 'rows' and 'fonts' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-MESSAGES: :[[@LINE-6]]:3: note: loop here
    // CHECK-MESSAGES: :20:7: note: loops over 'fonts' here
    total += c.width(row, chosen);            // Unknown role: it may scan.
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'width' loops over member 'fonts' on every iteration of the loop over 'rows': O(n*m), ~10,000 iterations per call if 'rows' and 'fonts' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-MESSAGES: :[[@LINE-10]]:3: note: loop here
    // CHECK-MESSAGES: :31:7: note: loops over 'fonts' here
  }
  return total;
}
