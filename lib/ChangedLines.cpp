//===--- ChangedLines.cpp - The lines a change touches --------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/ChangedLines.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace perf_audit {

bool ChangedLines::contains(llvm::StringRef File, unsigned Line) const {
  auto It = Files.find(File);
  if (It == Files.end())
    return false;
  const auto &Ranges = It->second;
  auto After = std::upper_bound(
      Ranges.begin(), Ranges.end(), Line,
      [](unsigned L, const std::pair<unsigned, unsigned> &R) {
        return L < R.first;
      });
  return After != Ranges.begin() && std::prev(After)->second >= Line;
}

bool ChangedLines::touches(const Finding &F) const {
  if (contains(F.Loc.File, F.Loc.Line))
    return true;
  return llvm::any_of(F.Notes, [&](const FindingNote &N) {
    return contains(N.Loc.File, N.Loc.Line);
  });
}

/// "+a,b" or "+a" of a hunk header: the first new line and the count.
static bool parseRange(llvm::StringRef Text, unsigned &Start, unsigned &Count) {
  auto [First, Length] = Text.split(',');
  Count = 1;
  return !First.getAsInteger(10, Start) &&
         (Length.empty() || !Length.getAsInteger(10, Count));
}

llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef Root,
                                              llvm::StringRef Name) {
  ChangedLines Out;
  std::vector<std::pair<unsigned, unsigned>> *Current = nullptr;
  unsigned LineNumber = 0;
  auto Error = [&](const llvm::Twine &What) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   Name + ":" + llvm::Twine(LineNumber) +
                                       ": " + What);
  };
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    ++LineNumber;
    Line = Line.rtrim('\r');
    if (Line.consume_front("+++ ")) {
      // "+++ b/src/a.cpp\t<date>"; "/dev/null" for a deleted file.
      llvm::StringRef Path = Line.split('\t').first.trim();
      if (Path == "/dev/null") {
        Current = nullptr;
        continue;
      }
      Path.consume_front("b/");
      llvm::SmallString<256> File;
      if (llvm::sys::path::is_absolute(Path)) {
        File = Path;
      } else {
        File = Root;
        llvm::sys::path::append(File, Path);
      }
      llvm::sys::path::remove_dots(File, /*remove_dot_dot=*/true);
      Current = &Out.Files[File];
      continue;
    }
    if (!Line.starts_with("@@ "))
      continue;
    if (!Current)
      continue; // A hunk of a deleted file.
    // "@@ -a,b +c,d @@ context"
    llvm::SmallVector<llvm::StringRef, 4> Fields;
    Line.split(Fields, ' ', /*MaxSplit=*/4, /*KeepEmpty=*/false);
    unsigned Start = 0, Count = 0;
    if (Fields.size() < 4 || !Fields[2].consume_front("+") ||
        !parseRange(Fields[2], Start, Count))
      return Error("malformed hunk header '" + Line + "'");
    if (Count > 0)
      Current->push_back({Start, Start + Count - 1});
    else // Lines removed after line Start: both neighbours are touched.
      Current->push_back({std::max(Start, 1u), Start + 1});
  }
  for (auto &Entry : Out.Files) {
    auto &Ranges = Entry.getValue();
    llvm::sort(Ranges);
    // Merge overlapping ranges so that lookups can bisect.
    std::vector<std::pair<unsigned, unsigned>> Merged;
    for (const auto &R : Ranges) {
      if (!Merged.empty() && R.first <= Merged.back().second + 1)
        Merged.back().second = std::max(Merged.back().second, R.second);
      else
        Merged.push_back(R);
    }
    Ranges = std::move(Merged);
  }
  return Out;
}

} // namespace perf_audit
