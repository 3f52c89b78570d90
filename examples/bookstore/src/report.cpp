#include "report.h"

namespace bookstore {

std::string renderReport(const std::vector<Invoice> &invoices) {
  std::string out;
  for (const Invoice &invoice : invoices) {
    // Each `out = out + ...` builds a new string.
    out = out + invoice.customer + ": ";
    for (std::string line : invoice.lines)
      out += line + "; ";
    out += "\n";
  }
  return out;
}

std::vector<std::string> missingTitles(const Catalog &catalog,
                                       const std::vector<std::string> &wanted) {
  std::vector<std::string> missing;
  for (const std::string &title : wanted)
    // hasTitle walks every book of the catalog.
    if (!catalog.hasTitle(title))
      missing.push_back(title);
  return missing;
}

} // namespace bookstore
