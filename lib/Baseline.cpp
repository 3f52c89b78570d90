//===--- Baseline.cpp - Fingerprints and comparison with a baseline -------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Baseline.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include <algorithm>
#include <map>
#include <tuple>

namespace perf_audit {

llvm::StringRef baselineStateName(BaselineState S) {
  switch (S) {
  case BaselineState::None:
    return "";
  case BaselineState::New:
    return "new";
  case BaselineState::Unchanged:
    return "unchanged";
  case BaselineState::Updated:
    return "updated";
  case BaselineState::Absent:
    return "absent";
  }
  return "";
}

/// A line's text without any whitespace: re-indenting or re-wrapping spaces
/// is not a change of the code.
static std::string withoutSpaces(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    if (!llvm::isSpace(C))
      Out += C;
  return Out;
}

/// The notes that place a finding's loop (the statement's own line moves
/// with it; the loop is what makes the finding).
static bool isLoopNote(const FindingNote &N) {
  return N.Message == "loop here" || N.Message == "outer loop here";
}

void fingerprintFindings(std::vector<Finding> &Findings, llvm::StringRef Root,
                         SourceFiles &Sources) {
  std::vector<std::string> Keys;
  Keys.reserve(Findings.size());
  for (const Finding &F : Findings) {
    std::string Key = F.Check;
    Key += '\0';
    Key += displayPath(F.Loc.File, Root);
    Key += '\0';
    Key += F.Function;
    Key += '\0';
    Key += withoutSpaces(Sources.lineText(F.Loc.File, F.Loc.Line));
    for (const FindingNote &N : F.Notes)
      if (isLoopNote(N)) {
        Key += '\0';
        Key += withoutSpaces(Sources.lineText(N.Loc.File, N.Loc.Line));
      }
    Keys.push_back(std::move(Key));
  }
  // The same key twice: numbered in the order of the file, which edits
  // elsewhere do not change.
  std::map<std::string, std::vector<size_t>> ByKey;
  for (size_t I = 0; I < Findings.size(); ++I)
    ByKey[Keys[I]].push_back(I);
  for (auto &[Key, Indices] : ByKey) {
    llvm::sort(Indices, [&](size_t A, size_t B) {
      return std::tie(Findings[A].Loc.Offset, Findings[A].Message, A) <
             std::tie(Findings[B].Loc.Offset, Findings[B].Message, B);
    });
    for (size_t Ordinal = 0; Ordinal < Indices.size(); ++Ordinal) {
      llvm::SHA1 Hash;
      Hash.update(Key);
      Hash.update(llvm::StringRef("\0", 1));
      Hash.update(std::to_string(Ordinal));
      std::array<uint8_t, 20> Digest = Hash.final();
      Findings[Indices[Ordinal]].Fingerprint =
          llvm::toHex(llvm::ArrayRef<uint8_t>(Digest.data(), 16),
                      /*LowerCase=*/true);
    }
  }
}

/// RFC 3986 percent-decoding of a SARIF URI.
static std::string decodeUri(llvm::StringRef Uri) {
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Out += static_cast<char>(Byte);
      I += 2;
      continue;
    }
    Out += Uri[I];
  }
  return Out;
}

namespace {
/// Reads one report into findings, naming the file in every error.
class BaselineReader {
public:
  explicit BaselineReader(llvm::StringRef Path) : Path(Path) {}

  llvm::Error error(const llvm::Twine &What) const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "baseline '" + Path + "': " + What);
  }

  llvm::Expected<std::vector<Finding>> read() {
    auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
    if (!Buffer)
      return error("cannot read it: " + Buffer.getError().message());
    llvm::Expected<llvm::json::Value> Doc =
        llvm::json::parse((*Buffer)->getBuffer());
    if (!Doc)
      return error("not JSON: " + llvm::toString(Doc.takeError()));
    const llvm::json::Object *Root = Doc->getAsObject();
    if (Root && Root->getArray("runs"))
      return fromSarif(*Root);
    if (Root && Root->getArray("findings"))
      return fromJson(*Root);
    return error("not a perf-audit report (neither its JSON, with "
                 "'findings', nor its SARIF, with 'runs')");
  }

private:
  llvm::Error missing(size_t Index, llvm::StringRef Field) const {
    return error("finding " + llvm::Twine(Index + 1) + " has no '" + Field +
                 "'" +
                 (Field == "fingerprint"
                      ? "; the report was written by an older perf-audit: "
                        "analyse the base again"
                      : ""));
  }

  void setTier(Finding &F, std::optional<llvm::StringRef> Tier) {
    if (Tier)
      if (std::optional<perf_audit::Tier> T = parseTier(*Tier))
        F.Cost.Level = *T;
  }

  llvm::Expected<std::vector<Finding>>
  fromJson(const llvm::json::Object &Root) {
    std::vector<Finding> Out;
    const llvm::json::Array &Findings = *Root.getArray("findings");
    for (size_t I = 0; I < Findings.size(); ++I) {
      const llvm::json::Object *E = Findings[I].getAsObject();
      if (!E)
        return error("finding " + llvm::Twine(I + 1) + " is not an object");
      Finding F;
      for (auto [Field, Into] :
           {std::pair<llvm::StringRef, std::string *>{"check", &F.Check},
            {"message", &F.Message},
            {"file", &F.Loc.File},
            {"fingerprint", &F.Fingerprint}}) {
        std::optional<llvm::StringRef> Value = E->getString(Field);
        if (!Value)
          return missing(I, Field);
        *Into = Value->str();
      }
      F.Loc.Line = E->getInteger("line").value_or(0);
      F.Loc.Column = E->getInteger("column").value_or(0);
      F.Cost.Score = E->getInteger("score").value_or(0);
      setTier(F, E->getString("tier"));
      Out.push_back(std::move(F));
    }
    return Out;
  }

  llvm::Expected<std::vector<Finding>>
  fromSarif(const llvm::json::Object &Root) {
    std::vector<Finding> Out;
    const llvm::json::Array &Runs = *Root.getArray("runs");
    for (const llvm::json::Value &RunValue : Runs) {
      const llvm::json::Object *Run = RunValue.getAsObject();
      const llvm::json::Object *Tool = Run ? Run->getObject("tool") : nullptr;
      const llvm::json::Object *Driver =
          Tool ? Tool->getObject("driver") : nullptr;
      if (!Driver || Driver->getString("name") != "perf-audit")
        return error("a SARIF run of another tool than perf-audit");
      const llvm::json::Array *Results = Run->getArray("results");
      if (!Results)
        continue;
      for (size_t I = 0; I < Results->size(); ++I) {
        const llvm::json::Object *R = (*Results)[I].getAsObject();
        if (!R)
          return error("result " + llvm::Twine(I + 1) + " is not an object");
        // A fixed finding of the baseline's own baseline.
        if (R->getString("baselineState") == "absent")
          continue;
        Finding F;
        if (std::optional<llvm::StringRef> Rule = R->getString("ruleId"))
          F.Check = Rule->str();
        else
          return missing(I, "ruleId");
        const llvm::json::Object *Fingerprints =
            R->getObject("partialFingerprints");
        std::optional<llvm::StringRef> Fingerprint =
            Fingerprints ? Fingerprints->getString(SarifFingerprintKey)
                         : std::nullopt;
        if (!Fingerprint)
          return missing(I, "fingerprint");
        F.Fingerprint = Fingerprint->str();
        // The message without the impact and the links that follow it.
        if (const llvm::json::Object *M = R->getObject("message"))
          if (std::optional<llvm::StringRef> Text = M->getString("text")) {
            llvm::StringRef Message = Text->split(" (impact: ").first;
            std::string Unescaped;
            for (size_t C = 0; C < Message.size(); ++C) {
              if (Message[C] == '\\' && C + 1 < Message.size())
                ++C;
              Unescaped += Message[C];
            }
            F.Message = std::move(Unescaped);
          }
        const llvm::json::Array *Locations = R->getArray("locations");
        const llvm::json::Object *Location = Locations && !Locations->empty()
                                                 ? (*Locations)[0].getAsObject()
                                                 : nullptr;
        if (Location)
          if (const llvm::json::Object *Physical =
                  Location->getObject("physicalLocation")) {
            if (const llvm::json::Object *A =
                    Physical->getObject("artifactLocation"))
              F.Loc.File = decodeUri(A->getString("uri").value_or(""));
            if (const llvm::json::Object *Region =
                    Physical->getObject("region")) {
              F.Loc.Line = Region->getInteger("startLine").value_or(0);
              F.Loc.Column = Region->getInteger("startColumn").value_or(0);
            }
          }
        if (const llvm::json::Object *Properties = R->getObject("properties"))
          if (const llvm::json::Object *Impact =
                  Properties->getObject("impact")) {
            F.Cost.Score = Impact->getInteger("score").value_or(0);
            setTier(F, Impact->getString("tier"));
          }
        Out.push_back(std::move(F));
      }
    }
    return Out;
  }

  std::string Path;
};
} // namespace

llvm::Expected<std::vector<Finding>> readBaseline(llvm::StringRef Path) {
  return BaselineReader(Path).read();
}

void compareWithBaseline(AnalysisResult &R, std::vector<Finding> Baseline,
                         llvm::StringRef Root) {
  BaselineComparison C;
  llvm::StringMap<size_t> ByFingerprint;
  for (size_t I = 0; I < Baseline.size(); ++I)
    ByFingerprint.try_emplace(Baseline[I].Fingerprint, I);
  std::vector<bool> Matched(Baseline.size(), false);
  for (Finding &F : R.Findings) {
    auto It = ByFingerprint.find(F.Fingerprint);
    if (It == ByFingerprint.end() || Matched[It->second]) {
      F.Baseline = BaselineState::New;
      continue;
    }
    Matched[It->second] = true;
    const Finding &Old = Baseline[It->second];
    bool Same = Old.Message == F.Message && Old.Cost.Score == F.Cost.Score;
    F.Baseline = Same ? BaselineState::Unchanged : BaselineState::Updated;
  }
  for (size_t I = 0; I < Baseline.size(); ++I)
    if (!Matched[I]) {
      Baseline[I].Baseline = BaselineState::Absent;
      if (!llvm::sys::path::is_absolute(Baseline[I].Loc.File)) {
        llvm::SmallString<256> File(Root);
        llvm::sys::path::append(File, Baseline[I].Loc.File);
        Baseline[I].Loc.File = std::string(File);
      }
      C.Fixed.push_back(std::move(Baseline[I]));
    }
  R.Baseline = std::move(C);
  countBaselineStates(R);
}

void countBaselineStates(AnalysisResult &R) {
  BaselineComparison &C = *R.Baseline;
  C.New = C.Unchanged = C.Updated = 0;
  for (const Finding &F : R.Findings)
    switch (F.Baseline) {
    case BaselineState::New:
      ++C.New;
      break;
    case BaselineState::Unchanged:
      ++C.Unchanged;
      break;
    case BaselineState::Updated:
      ++C.Updated;
      break;
    case BaselineState::None:
    case BaselineState::Absent:
      break;
    }
}

void dropBaselineFindings(AnalysisResult &R) {
  llvm::erase_if(R.Findings,
                 [](const Finding &F) { return F.wasInBaseline(); });
}

std::string baselineCounts(const BaselineComparison &C) {
  return std::to_string(C.New) + " new, " + std::to_string(C.Fixed.size()) +
         " fixed, " + std::to_string(C.Unchanged + C.Updated) +
         " unchanged (" + std::to_string(C.Updated) + " updated)";
}

} // namespace perf_audit
