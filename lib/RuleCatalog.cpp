//===--- RuleCatalog.cpp - SARIF rules of the perf-audit checks -----------===//
//
// Part of perf-audit. Descriptions and help come from docs/checks/<id>.md,
// compiled in: the first sentence of the first paragraph is the short
// description (it matches the check class's header comment), the paragraph
// the full description, the page the help.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Report.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

namespace perf_audit {
namespace {

struct EmbeddedFile {
  const char *Name;
  const char *Text;
};
const EmbeddedFile CheckDocs[] = {
#include "CheckDocs.inc"
};

/// What the docs do not say: how precise each check is and how severe its
/// findings are by default, for code scanning's filters. Alphabetical, like
/// the module's check list.
struct RuleTraits {
  const char *Id;
  const char *Name;
  const char *Precision;
  const char *ProblemSeverity;
  const char *FamilyTag;
};
const RuleTraits Traits[] = {
    {"perf-audit-alloc-in-loop", "AllocInLoop", "high", "recommendation",
     "memory"},
    {"perf-audit-blocking-in-async", "BlockingInAsync", "high", "warning",
     "concurrency"},
    {"perf-audit-excess-copy", "ExcessCopy", "high", "recommendation",
     "copies"},
    {"perf-audit-n-plus-one", "NPlusOne", "high", "warning", "database"},
    {"perf-audit-nested-loop", "NestedLoop", "medium", "warning", "complexity"},
};

/// The first paragraph after the title, joined into one line.
std::string firstParagraph(llvm::StringRef Doc) {
  llvm::SmallVector<llvm::StringRef, 32> Lines;
  Doc.split(Lines, '\n');
  std::string Paragraph;
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    if (Line.starts_with("#"))
      continue;
    if (Line.empty()) {
      if (!Paragraph.empty())
        break;
      continue;
    }
    if (!Paragraph.empty())
      Paragraph += ' ';
    Paragraph += Line.str();
  }
  return Paragraph;
}

std::string firstSentence(llvm::StringRef Paragraph) {
  size_t End = Paragraph.find(". ");
  return End == llvm::StringRef::npos ? Paragraph.str()
                                      : Paragraph.take_front(End + 1).str();
}

} // namespace

const std::vector<RuleInfo> &ruleCatalog() {
  static const std::vector<RuleInfo> Catalog = [] {
    std::vector<RuleInfo> Rules;
    for (const RuleTraits &T : Traits) {
      RuleInfo Rule;
      Rule.Id = T.Id;
      Rule.Name = T.Name;
      Rule.Precision = T.Precision;
      Rule.ProblemSeverity = T.ProblemSeverity;
      Rule.Tags = {"performance", T.FamilyTag};
      std::string DocName = std::string(T.Id) + ".md";
      for (const EmbeddedFile &Doc : CheckDocs)
        if (DocName == Doc.Name) {
          Rule.HelpMarkdown = Doc.Text;
          Rule.FullDescription = firstParagraph(Doc.Text);
          Rule.ShortDescription = firstSentence(Rule.FullDescription);
        }
      Rules.push_back(std::move(Rule));
    }
    return Rules;
  }();
  return Catalog;
}

} // namespace perf_audit
