//===--- Report.h - Text, JSON and SARIF reports ----------------*- C++ -*-===//
//
// Part of perf-audit. docs/output-formats.md documents the text and JSON
// formats; ../shared/sarif/README.md is the SARIF contract.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_REPORT_H
#define PERF_AUDIT_REPORT_H

#include "perf-audit/Finding.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace perf_audit {

/// What a report says about one check (SARIF `rules[]`).
struct RuleInfo {
  std::string Id;   ///< "perf-audit-nested-loop"
  std::string Name; ///< "NestedLoop"
  std::string ShortDescription;
  std::string FullDescription;
  std::string HelpMarkdown;
  std::string Precision;       ///< very-high, high, medium, low
  std::string ProblemSeverity; ///< error, warning, recommendation
  std::vector<std::string> Tags;
};

/// The rules of every perf-audit check, with help taken from their docs.
const std::vector<RuleInfo> &ruleCatalog();

struct ReportOptions {
  /// Paths are shown, and SARIF URIs written, relative to this directory.
  std::string SourceRoot;
  /// How many findings the audit summary lists.
  unsigned TopFindings = 5;
  /// SARIF `automationDetails.id` is "perf-audit/<Category>/" (or
  /// "perf-audit/" without one).
  std::string Category;
  /// SARIF results beyond this are dropped, with a notification.
  size_t MaxSarifResults = 5000;
  /// Markdown links are LinkBase + the path relative to SourceRoot (a
  /// repository's blob URL at a commit); relative links when empty.
  std::string LinkBase;
};

/// The verdict at the end of a report.
struct AuditSummary {
  unsigned Critical = 0, High = 0, Medium = 0, Low = 0;
  unsigned Files = 0;
  /// 100 means no findings; each finding takes off by tier (see
  /// docs/impact-model.md).
  unsigned OverallScore = 100;
  bool Pass = true; ///< No critical finding and fewer than 3 high.
};

AuditSummary summarize(const AnalysisResult &R);

/// The profile's figures of a finding, for JSON `cost` and SARIF
/// `properties.impact`: `executionsSource` always; with a profile its name,
/// and where it covers the line the measured executions, the entries of the
/// function, the measured cost and the estimate's score and tier.
llvm::json::Object executionProperties(const Impact &I);

/// How a profile covered the findings (--profile).
struct ProfileCoverage {
  unsigned Measured = 0;    ///< Lines it saw run.
  unsigned NotExecuted = 0; ///< Lines it covers that did not run.
  unsigned NoData = 0;      ///< Lines it has no count for.
};
ProfileCoverage profileCoverage(const AnalysisResult &R);

/// "3 measured, 0 not executed, 1 without data (estimated)", for the text
/// and markdown summaries.
std::string profileCounts(const AnalysisResult &R);

/// Reads source files once and answers line, column and hash questions.
class SourceFiles {
public:
  /// The text of Path, or null when it cannot be read.
  const std::string *text(llvm::StringRef Path);

  /// 1-based line and byte column of Offset in Path (0, 0 when unreadable).
  std::pair<unsigned, unsigned> lineColumn(llvm::StringRef Path,
                                           unsigned Offset);

  /// The UTF-16 column of a 1-based byte column on a 1-based line.
  unsigned utf16Column(llvm::StringRef Path, unsigned Line, unsigned Column);

  /// One past the last byte of the token that starts at Offset (an
  /// identifier, a number, or one other character).
  unsigned tokenEnd(llvm::StringRef Path, unsigned Offset);

  /// primaryLocationLineHash of a 1-based line, as GitHub computes it.
  std::string lineHash(llvm::StringRef Path, unsigned Line);

  /// The text of a 1-based line, without its line break (empty when
  /// unreadable).
  llvm::StringRef lineText(llvm::StringRef Path, unsigned Line);

  /// Fills Line and Column of P from its Offset.
  void locate(SourcePoint &P);

private:
  struct File {
    bool Readable = false;
    std::string Text;
    std::vector<unsigned> LineStarts;
    std::optional<std::vector<std::string>> Hashes;
  };
  File &load(llvm::StringRef Path);
  llvm::StringMap<std::unique_ptr<File>> Files;
};

/// The rolling line hashes of a file's text, one per line plus one for the
/// (empty) text after a final newline; see ../shared/sarif/README.md.
std::vector<std::string> computeLineHashes(llvm::StringRef Text);

/// Path as shown in reports: relative to Root when inside it, else as is.
std::string displayPath(llvm::StringRef Path, llvm::StringRef Root);

/// A relative path as the path of a URI (SARIF artifact locations, markdown
/// links): RFC 3986 percent-encoding, unreserved characters and '/' kept,
/// backslashes made slashes.
std::string uriPath(llvm::StringRef Path);

/// Whether Path is inside Root (always, when Root is empty): findings outside
/// it, in system and third-party files, are neither uploaded nor fixed.
bool isUnderRoot(llvm::StringRef Path, llvm::StringRef Root);

/// The compiler's error for a unit: "path:line:col: error: message".
std::string failureText(const FailedUnit &U, llvm::StringRef Root);

void writeText(llvm::raw_ostream &OS, const AnalysisResult &R,
               const ReportOptions &Options);
void writeJson(llvm::raw_ostream &OS, const AnalysisResult &R,
               const ReportOptions &Options);
void writeSarif(llvm::raw_ostream &OS, const AnalysisResult &R,
                const ReportOptions &Options, SourceFiles &Sources);
/// For a pull request comment or a CI job summary: the verdict, findings by
/// check and tier, the top findings (TopFindings) with their fix-its as
/// diffs; under GitHub's 65,536 characters for a comment.
void writeMarkdown(llvm::raw_ostream &OS, const AnalysisResult &R,
                   const ReportOptions &Options, SourceFiles &Sources);

} // namespace perf_audit

#endif // PERF_AUDIT_REPORT_H
