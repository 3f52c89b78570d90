//===--- FixApplication.cpp - Applying the fix-its of a report ------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/FixApplication.h"
#include "perf-audit/Report.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Signals.h"
#include <set>
#include <tuple>

namespace perf_audit {

namespace {
using clang::tooling::Replacement;
using clang::tooling::Replacements;

/// Identity of one edit, to recognise the same fix-it met twice.
using EditKey = std::tuple<std::string, unsigned, unsigned, std::string>;

EditKey keyOf(const FixEdit &E) {
  return {E.Begin.File, E.Begin.Offset, E.Length, E.Replacement};
}

/// Where each planned edit came from, to name it when another one collides.
struct EditOrigin {
  const Finding *Owner;
  unsigned Begin, End;
};
} // namespace

FixPlan planFixes(llvm::ArrayRef<Finding> Findings, llvm::StringRef Root) {
  FixPlan Plan;
  std::set<EditKey> Taken;
  std::map<std::string, std::vector<EditOrigin>> Origins;
  for (const Finding &F : Findings) {
    if (F.Fixes.empty())
      continue;
    if (llvm::any_of(F.Fixes, [&](const FixEdit &E) {
          return !isUnderRoot(E.Begin.File, Root);
        })) {
      ++Plan.OutsideRoot;
      continue;
    }
    std::vector<const FixEdit *> New;
    for (const FixEdit &E : F.Fixes)
      if (!Taken.count(keyOf(E)))
        New.push_back(&E);
    if (New.empty()) {
      ++Plan.Duplicates;
      continue;
    }
    // Try the finding's edits on copies: all of them or none.
    std::map<std::string, Replacements> Trial;
    const FixEdit *Conflicting = nullptr;
    for (const FixEdit *E : New) {
      auto It = Trial.find(E->Begin.File);
      if (It == Trial.end()) {
        auto Planned = Plan.Files.find(E->Begin.File);
        It = Trial
                 .emplace(E->Begin.File, Planned == Plan.Files.end()
                                             ? Replacements()
                                             : Planned->second)
                 .first;
      }
      if (llvm::Error Err = It->second.add(Replacement(
              E->Begin.File, E->Begin.Offset, E->Length, E->Replacement))) {
        llvm::consumeError(std::move(Err));
        Conflicting = E;
        break;
      }
    }
    if (Conflicting) {
      RefusedFix Refusal;
      Refusal.Check = F.Check;
      Refusal.Loc = F.Loc;
      // Name the kept finding whose edit touches the same bytes (insertions
      // at the same offset conflict too).
      unsigned Begin = Conflicting->Begin.Offset;
      unsigned End = Begin + Conflicting->Length;
      for (const EditOrigin &O : Origins[Conflicting->Begin.File])
        if (O.Begin <= End && Begin <= O.End) {
          Refusal.OtherCheck = O.Owner->Check;
          Refusal.OtherLoc = O.Owner->Loc;
          break;
        }
      Plan.Refused.push_back(std::move(Refusal));
      continue;
    }
    for (auto &Entry : Trial)
      Plan.Files[Entry.first] = std::move(Entry.second);
    Plan.Taken.push_back({&F, New});
    for (const FixEdit *E : New) {
      Taken.insert(keyOf(*E));
      Origins[E->Begin.File].push_back(
          {&F, E->Begin.Offset, E->Begin.Offset + E->Length});
    }
    ++Plan.FindingsFixed;
  }
  return Plan;
}

void writeExportedFixes(llvm::raw_ostream &OS, const FixPlan &Plan,
                        llvm::StringRef MainSourceFile) {
  clang::tooling::TranslationUnitDiagnostics Out;
  Out.MainSourceFile = MainSourceFile.str();
  for (const FixPlan::TakenFix &T : Plan.Taken) {
    clang::tooling::DiagnosticMessage Message(T.Owner->messageWithImpact());
    Message.FilePath = T.Owner->Loc.File;
    Message.FileOffset = T.Owner->Loc.Offset;
    for (const FixEdit *E : T.Edits)
      llvm::cantFail(Message.Fix[E->Begin.File].add(Replacement(
          E->Begin.File, E->Begin.Offset, E->Length, E->Replacement)));
    Out.Diagnostics.emplace_back(T.Owner->Check, Message,
                                 llvm::SmallVector<clang::tooling::DiagnosticMessage, 1>(),
                                 clang::tooling::Diagnostic::Warning,
                                 /*BuildDirectory=*/"");
  }
  llvm::yaml::Output YAML(OS);
  YAML << Out;
}

llvm::Error
writeFileAtomically(llvm::StringRef Path,
                    llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  auto Failure = [&](std::error_code EC) {
    return llvm::createStringError(EC, "cannot write '%s': %s",
                                   Path.str().c_str(), EC.message().c_str());
  };
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%";
  int FD;
  llvm::SmallString<256> TempPath;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, TempPath))
    return Failure(EC);
  // Interrupted while writing (Ctrl-C, a CI timeout): the temporary file goes,
  // the previous file stays.
  llvm::sys::RemoveFileOnSignal(TempPath);
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    Write(OS);
    OS.close();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::sys::fs::remove(TempPath);
      llvm::sys::DontRemoveFileOnSignal(TempPath);
      return Failure(EC);
    }
  }
  // createUniqueFile makes the file private; a rewritten source keeps the
  // permissions it had.
  if (llvm::ErrorOr<llvm::sys::fs::perms> Perms =
          llvm::sys::fs::getPermissions(Path))
    llvm::sys::fs::setPermissions(TempPath, *Perms);
  std::error_code EC = llvm::sys::fs::rename(TempPath, Path);
  if (EC)
    llvm::sys::fs::remove(TempPath);
  llvm::sys::DontRemoveFileOnSignal(TempPath);
  return EC ? Failure(EC) : llvm::Error::success();
}

llvm::Expected<std::vector<std::string>> applyFixPlan(const FixPlan &Plan) {
  std::vector<std::pair<std::string, std::string>> Rewritten;
  for (const auto &[Path, Edits] : Plan.Files) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
        llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                    /*RequiresNullTerminator=*/false);
    if (!Buffer)
      return llvm::createStringError(Buffer.getError(), "cannot read '%s': %s",
                                     Path.c_str(),
                                     Buffer.getError().message().c_str());
    // applyAllReplacements ignores an edit past the end: the file is not the
    // one analysed.
    llvm::StringRef Code = (*Buffer)->getBuffer();
    for (const clang::tooling::Replacement &R : Edits)
      if (R.getOffset() + R.getLength() > Code.size())
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "cannot apply the fix-its to '%s': it changed since the analysis",
            Path.c_str());
    llvm::Expected<std::string> Text = clang::tooling::applyAllReplacements(
        Code, Edits);
    if (!Text)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "cannot apply the fix-its to '%s': %s",
          Path.c_str(), llvm::toString(Text.takeError()).c_str());
    Rewritten.emplace_back(Path, std::move(*Text));
  }
  std::vector<std::string> Written;
  for (const auto &[Path, Text] : Rewritten) {
    if (llvm::Error E = writeFileAtomically(
            Path, [&](llvm::raw_ostream &OS) { OS << Text; }))
      return std::move(E);
    Written.push_back(Path);
  }
  return Written;
}

} // namespace perf_audit
