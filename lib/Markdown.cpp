//===--- Markdown.cpp - A report for pull requests and CI summaries -------===//
//
// Part of perf-audit. A pull request comment or a job summary
// ($GITHUB_STEP_SUMMARY) is read by people in a browser: the verdict first,
// a table of what was found, then the costliest findings with their fix-its
// shown as diffs. GitHub keeps at most 65,536 characters of a comment, so
// the report stops adding findings before that and says how many it left
// out.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Baseline.h"
#include "perf-audit/Report.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <algorithm>
#include <map>

namespace perf_audit {

/// A GitHub comment holds this many characters; the report keeps a margin
/// for what a CI job adds around it.
static constexpr size_t CommentLimit = 65536;
static constexpr size_t ReportBudget = 60000;
/// Fixed findings listed by name after a baseline comparison.
static constexpr size_t FixedListed = 10;
/// Lines of code shown per fix-it, before and after.
static constexpr unsigned MaxFixLines = 12;

/// Markdown's punctuation escaped, so that `a<b>` or `*p` stay text.
static std::string escape(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (llvm::StringRef("\\`*_[]<>|~#").contains(C))
      Out += '\\';
    Out += C;
  }
  return Out;
}

static std::string link(const SourcePoint &P, const ReportOptions &O) {
  std::string Path = displayPath(P.File, O.SourceRoot);
  return "[" + escape(Path) + ":" + std::to_string(P.Line) + "](" + O.LinkBase +
         uriPath(Path) + "#L" + std::to_string(P.Line) + ")";
}

/// "~12 us", "~3.4 ms": the estimated cost of one call of the function.
static std::string duration(double Ns) {
  if (Ns < 1000)
    return llvm::formatv("~{0:f0} ns", Ns).str();
  if (Ns < 1e6)
    return llvm::formatv("~{0:f1} us", Ns / 1e3).str();
  if (Ns < 1e9)
    return llvm::formatv("~{0:f1} ms", Ns / 1e6).str();
  return llvm::formatv("~{0:f1} s", Ns / 1e9).str();
}

/// A code fence longer than any run of backticks in Code.
static std::string fenceFor(llvm::StringRef Code) {
  size_t Longest = 0, Run = 0;
  for (char C : Code) {
    Run = C == '`' ? Run + 1 : 0;
    Longest = std::max(Longest, Run);
  }
  return std::string(std::max<size_t>(3, Longest + 1), '`');
}

/// The code a fix-it changes, before and after, as a diff: the lines its
/// edits touch in each file, edits close together shown as one block.
static std::string fixDiff(const Finding &F, SourceFiles &Sources) {
  std::string Diff;
  std::map<std::string, std::vector<const FixEdit *>> ByFile;
  for (const FixEdit &E : F.Fixes)
    ByFile[E.Begin.File].push_back(&E);
  for (auto &[File, Edits] : ByFile) {
    const std::string *Text = Sources.text(File);
    if (!Text)
      return {};
    llvm::sort(Edits, [](const FixEdit *A, const FixEdit *B) {
      return A->Begin.Offset < B->Begin.Offset;
    });
    // Blocks of edits at most two lines apart.
    size_t I = 0;
    while (I < Edits.size()) {
      size_t J = I + 1;
      while (J < Edits.size() &&
             Edits[J]->Begin.Line <= Edits[J - 1]->End.Line + 2)
        ++J;
      unsigned FirstLine = Edits[I]->Begin.Line;
      unsigned LastLine = Edits[J - 1]->End.Line;
      if (FirstLine == 0 || LastLine < FirstLine ||
          LastLine - FirstLine >= MaxFixLines)
        return {};
      unsigned Begin = Edits[I]->Begin.Offset - (Edits[I]->Begin.Column - 1);
      llvm::StringRef LastText = Sources.lineText(File, LastLine);
      unsigned End = Edits[J - 1]->End.Offset - (Edits[J - 1]->End.Column - 1) +
                     static_cast<unsigned>(LastText.size());
      if (End > Text->size() || Begin > End)
        return {};
      std::string After;
      unsigned Pos = Begin;
      for (size_t K = I; K < J; ++K) {
        After += Text->substr(Pos, Edits[K]->Begin.Offset - Pos);
        After += Edits[K]->Replacement;
        Pos = Edits[K]->Begin.Offset + Edits[K]->Length;
      }
      After += Text->substr(Pos, End - Pos);
      llvm::StringRef Before = llvm::StringRef(*Text).slice(Begin, End);
      llvm::SmallVector<llvm::StringRef, 8> Lines;
      Before.split(Lines, '\n');
      for (llvm::StringRef L : Lines)
        Diff += "-" + L.rtrim('\r').str() + "\n";
      Lines.clear();
      llvm::StringRef(After).split(Lines, '\n');
      for (llvm::StringRef L : Lines)
        Diff += "+" + L.rtrim('\r').str() + "\n";
      I = J;
    }
  }
  return Diff;
}

static std::string findingEntry(unsigned Rank, const Finding &F,
                                const ReportOptions &O, SourceFiles &Sources) {
  std::string Entry = llvm::formatv("{0}. **{1} {2}** {3} `{4}`", Rank,
                                    tierName(F.Cost.Level), F.Cost.Score,
                                    link(F.Loc, O), F.Check)
                          .str();
  if (F.TestCode)
    Entry += " (test code)";
  if (F.wasInBaseline())
    Entry += " (" + baselineStateName(F.Baseline).str() + ")";
  Entry += "<br>\n   " + escape(F.Message) + "<br>\n   ";
  if (F.Cost.Measured)
    Entry += "measured cost: " + escape(duration(F.Cost.measuredNs())) +
             " in the profiled run (" + escape(executionsNote(F.Cost)) +
             "); estimated: ";
  else if (!F.Cost.ProfileName.empty())
    Entry += "no profile data; estimated cost: ";
  else
    Entry += "estimated cost: ";
  Entry += escape(duration(F.Cost.totalNs())) + " per call (" +
           confidenceName(F.Cost.Certainty).str() + " confidence)\n";
  if (!F.Fixes.empty()) {
    std::string Diff = fixDiff(F, Sources);
    if (!Diff.empty()) {
      std::string Fence = fenceFor(Diff);
      Entry += "\n   <details><summary>fix-it</summary>\n\n   " + Fence +
               "diff\n";
      llvm::SmallVector<llvm::StringRef, 8> Lines;
      llvm::StringRef(Diff).rtrim('\n').split(Lines, '\n');
      for (llvm::StringRef L : Lines)
        Entry += "   " + L.str() + "\n";
      Entry += "   " + Fence + "\n   </details>\n";
    }
  }
  return Entry;
}

void writeMarkdown(llvm::raw_ostream &OS, const AnalysisResult &R,
                   const ReportOptions &O, SourceFiles &Sources) {
  AuditSummary S = summarize(R);
  std::string Out;
  Out += llvm::formatv("## perf-audit: {0}, score {1}/100\n\n",
                       S.Pass ? "PASS" : "NEEDS_OPTIMIZATION", S.OverallScore)
             .str();
  Out += llvm::formatv("{0} {1} in {2} {3} ({4} translation units analysed, "
                       "{5} failed).",
                       R.Findings.size(),
                       R.Findings.size() == 1 ? "finding" : "findings", S.Files,
                       S.Files == 1 ? "file" : "files", R.UnitsAnalysed,
                       R.Failures.size())
             .str();
  if (R.Baseline)
    Out += " Against the baseline: " + baselineCounts(*R.Baseline) + ".";
  if (R.Profile)
    Out += " Profile " + escape(*R.Profile) + ": " + profileCounts(R) + ".";
  Out += "\n\n";

  if (!R.Findings.empty()) {
    // Findings by check and tier.
    std::map<std::string, std::array<unsigned, 4>> ByCheck;
    for (const Finding &F : R.Findings)
      ++ByCheck[F.Check][static_cast<size_t>(Tier::Critical) -
                          static_cast<size_t>(F.Cost.Level)];
    Out += "| check | critical | high | medium | low |\n"
           "|---|---:|---:|---:|---:|\n";
    for (const auto &[Check, Counts] : ByCheck)
      Out += llvm::formatv("| `{0}` | {1} | {2} | {3} | {4} |\n", Check,
                           Counts[0], Counts[1], Counts[2], Counts[3])
                 .str();
    Out += llvm::formatv("| total | {0} | {1} | {2} | {3} |\n\n", S.Critical,
                         S.High, S.Medium, S.Low)
               .str();
  }

  for (const FailedUnit &U : R.Failures) {
    std::string Line = "- not analysed: `" + displayPath(U.File, O.SourceRoot) +
                       "`: " + escape(failureText(U, O.SourceRoot)) + "\n";
    if (Out.size() + Line.size() < ReportBudget / 2)
      Out += Line;
  }
  if (!R.Failures.empty())
    Out += "\n";

  std::string Fixed;
  if (R.Baseline && !R.Baseline->Fixed.empty()) {
    Fixed = "### Fixed\n\n";
    size_t Listed = 0;
    for (const Finding &F : R.Baseline->Fixed) {
      if (++Listed > FixedListed) {
        Fixed += llvm::formatv("- and {0} more\n",
                               R.Baseline->Fixed.size() - FixedListed)
                     .str();
        break;
      }
      Fixed += "- " + link(F.Loc, O) + " `" + F.Check + "`: " +
               escape(F.Message) + "\n";
    }
    Fixed += "\n";
  }

  if (!R.Findings.empty()) {
    Out += "### Top findings\n\n";
    size_t Shown = 0;
    size_t Wanted = std::min<size_t>(O.TopFindings, R.Findings.size());
    for (; Shown < Wanted; ++Shown) {
      std::string Entry =
          findingEntry(Shown + 1, R.Findings[Shown], O, Sources);
      if (Out.size() + Entry.size() + Fixed.size() > ReportBudget)
        break;
      Out += Entry;
    }
    Out += "\n";
    if (Shown < R.Findings.size()) {
      Out += llvm::formatv("{0} more {1} in the full report",
                           R.Findings.size() - Shown,
                           R.Findings.size() - Shown == 1 ? "finding" : "findings")
                 .str();
      if (Shown < Wanted)
        Out += llvm::formatv(" (this summary stays under GitHub's {0} "
                             "characters for a comment)",
                             CommentLimit)
                   .str();
      Out += ".\n\n";
    }
  }
  Out += Fixed;
  OS << Out;
}

} // namespace perf_audit
