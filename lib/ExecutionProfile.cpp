//===--- ExecutionProfile.cpp - Measured executions per line --------------===//
//
// Part of perf-audit. The plugin loads this code too: no llvm::formatv,
// whose adapters' vtables a clang-tidy of another major cannot resolve
// before the plugin's version check runs.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/ExecutionProfile.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/ProfileData/Coverage/CoverageMapping.h"
#include "llvm/ProfileData/InstrProfReader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>

namespace perf_audit {

using llvm::StringRef;

static llvm::Error profileError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// Sorts a file's lines and functions and sums duplicates (an lcov file may
/// hold one record per test run for the same source).
static void normalise(ProfiledFile &F) {
  llvm::sort(F.Lines);
  std::vector<std::pair<unsigned, uint64_t>> Lines;
  for (const auto &L : F.Lines) {
    if (!Lines.empty() && Lines.back().first == L.first)
      Lines.back().second += L.second;
    else
      Lines.push_back(L);
  }
  F.Lines = std::move(Lines);
  llvm::sort(F.Functions,
             [](const ProfiledFunction &A, const ProfiledFunction &B) {
               return std::tie(A.Line, A.Name) < std::tie(B.Line, B.Name);
             });
}

llvm::Expected<ExecutionProfile> readLcovProfile(StringRef Path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return profileError("cannot read profile '" + Path +
                        "': " + Buffer.getError().message());
  ExecutionProfile Profile;
  Profile.Name = llvm::sys::path::filename(Path).str();
  // Records of one source file, in the order they first appear.
  std::map<std::string, size_t> Index;
  ProfiledFile *Current = nullptr;
  // The current record's functions by name, for FNDA.
  llvm::StringMap<size_t> FunctionsByName;
  unsigned LineNo = 0;
  StringRef Rest = (*Buffer)->getBuffer();
  auto Malformed = [&](StringRef Line, StringRef Why) {
    return profileError(Path + ":" + llvm::Twine(LineNo) + ": " + Why + ": '" +
                        Line.take_front(80) + "'");
  };
  while (!Rest.empty()) {
    StringRef Line;
    std::tie(Line, Rest) = Rest.split('\n');
    ++LineNo;
    Line = Line.trim();
    if (Line.empty())
      continue;
    auto [Tag, Value] = Line.split(':');
    if (Tag == "SF") {
      auto [It, Inserted] =
          Index.try_emplace(Value.str(), Profile.Files.size());
      if (Inserted) {
        Profile.Files.emplace_back();
        Profile.Files.back().Path = Value.str();
      }
      Current = &Profile.Files[It->second];
      FunctionsByName.clear();
      for (size_t I = 0; I < Current->Functions.size(); ++I)
        FunctionsByName[Current->Functions[I].Name] = I;
      continue;
    }
    if (Line == "end_of_record") {
      Current = nullptr;
      continue;
    }
    if (Tag == "TN" || Tag == "FNF" || Tag == "FNH" || Tag == "LF" ||
        Tag == "LH" || Tag == "BRDA" || Tag == "BRF" || Tag == "BRH" ||
        Tag == "VER" || Tag == "FNL" || Tag == "FNA" || Tag == "MCDC")
      continue;
    if (Tag != "DA" && Tag != "FN" && Tag != "FNDA")
      return Malformed(Line, "unknown lcov record");
    if (!Current)
      return Malformed(Line,
                       "record outside a source file (no 'SF:' before it)");
    if (Tag == "DA") {
      // DA:<line>,<count>[,<checksum>]
      llvm::SmallVector<StringRef, 3> Fields;
      Value.split(Fields, ',');
      unsigned Number;
      uint64_t Count;
      if (Fields.size() < 2 || Fields[0].trim().getAsInteger(10, Number) ||
          Number == 0 || Fields[1].trim().getAsInteger(10, Count))
        return Malformed(Line, "malformed line record (expected "
                               "'DA:<line>,<count>')");
      Current->Lines.emplace_back(Number, Count);
      continue;
    }
    if (Tag == "FN") {
      // FN:<line>,<name> or, lcov 2, FN:<line>,<end line>,<name>
      auto [First, Name] = Value.split(',');
      unsigned Number, End;
      if (First.trim().getAsInteger(10, Number) || Number == 0 || Name.empty())
        return Malformed(Line, "malformed function record (expected "
                               "'FN:<line>,<name>')");
      auto [Second, After] = Name.split(',');
      if (!After.empty() && !Second.trim().getAsInteger(10, End))
        Name = After;
      auto [It, Inserted] =
          FunctionsByName.try_emplace(Name, Current->Functions.size());
      if (Inserted)
        Current->Functions.push_back({Name.str(), Number, 0});
      else
        Current->Functions[It->second].Line = Number;
      continue;
    }
    // FNDA:<count>,<name>
    auto [CountText, Name] = Value.split(',');
    uint64_t Count;
    if (CountText.trim().getAsInteger(10, Count) || Name.empty())
      return Malformed(Line, "malformed function count (expected "
                             "'FNDA:<count>,<name>')");
    auto [It, Inserted] =
        FunctionsByName.try_emplace(Name, Current->Functions.size());
    if (Inserted)
      Current->Functions.push_back({Name.str(), 0, 0});
    Current->Functions[It->second].Entries += Count;
  }
  for (ProfiledFile &F : Profile.Files) {
    // A function whose FN record never came has no line to match.
    llvm::erase_if(F.Functions,
                   [](const ProfiledFunction &Fn) { return Fn.Line == 0; });
    normalise(F);
  }
  return Profile;
}

llvm::Expected<ExecutionProfile>
readIndexedProfile(StringRef Path, llvm::ArrayRef<std::string> Binaries) {
  if (Binaries.empty())
    return profileError("'" + Path +
                        "' is an LLVM indexed profile: --profile-binary (or "
                        "the option ProfileBinary) must name the program it "
                        "profiled");
  llvm::SmallVector<StringRef, 4> Objects(Binaries.begin(), Binaries.end());
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
      llvm::vfs::getRealFileSystem();
  llvm::Expected<std::unique_ptr<llvm::coverage::CoverageMapping>> Coverage =
      llvm::coverage::CoverageMapping::load(Objects, Path, *FS);
  if (!Coverage)
    return profileError("cannot read profile '" + Path + "' with binary '" +
                        llvm::join(Binaries, "', '") +
                        "': " + llvm::toString(Coverage.takeError()));
  // LLVM counts a function of the binary that the profile has no record of
  // as never run: with a profile of another program, every line would read
  // "not executed". The names the profile has tell them apart.
  llvm::StringSet<> Recorded;
  {
    llvm::Expected<std::unique_ptr<llvm::IndexedInstrProfReader>> Reader =
        llvm::IndexedInstrProfReader::create(Path, *FS);
    if (!Reader)
      return profileError("cannot read profile '" + Path +
                          "': " + llvm::toString(Reader.takeError()));
    for (const llvm::NamedInstrProfRecord &R : **Reader)
      Recorded.insert(R.Name);
    if (llvm::Error E = (*Reader)->getError())
      return profileError("cannot read profile '" + Path +
                          "': " + llvm::toString(std::move(E)));
  }
  ExecutionProfile Profile;
  Profile.Name = llvm::sys::path::filename(Path).str();
  Profile.MismatchedFunctions = (*Coverage)->getMismatchedCount();
  // The same walk as llvm-cov's lcov export, so that both routes give the
  // same counts.
  for (StringRef Source : (*Coverage)->getUniqueSourceFiles()) {
    llvm::coverage::CoverageData Data = (*Coverage)->getCoverageForFile(Source);
    if (Data.empty())
      continue;
    ProfiledFile F;
    F.Path = Source.str();
    unsigned Unrecorded = 0;
    for (const llvm::coverage::FunctionRecord &Fn :
         (*Coverage)->getCoveredFunctions(Source)) {
      if (!Recorded.contains(Fn.Name))
        ++Unrecorded;
      if (!Fn.CountedRegions.empty())
        F.Functions.push_back(
            {Fn.Name, Fn.CountedRegions.front().LineStart, Fn.ExecutionCount});
    }
    // Its counts would be zeros the profile never measured.
    if (Unrecorded) {
      Profile.MismatchedFunctions += Unrecorded;
      continue;
    }
    for (const llvm::coverage::LineCoverageStats &Stats :
         llvm::coverage::getLineCoverageStats(Data))
      if (Stats.isMapped())
        F.Lines.emplace_back(Stats.getLine(), Stats.getExecutionCount());
    normalise(F);
    Profile.Files.push_back(std::move(F));
  }
  return Profile;
}

llvm::Expected<ExecutionProfile>
readExecutionProfile(StringRef Path, llvm::ArrayRef<std::string> Binaries) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFileSlice(Path, 8, 0);
  if (!Buffer) {
    // An empty file has no slice to map: read it as lcov, which names it.
    if (llvm::sys::fs::exists(Path))
      return readLcovProfile(Path);
    return profileError("cannot read profile '" + Path +
                        "': " + Buffer.getError().message());
  }
  StringRef Head = (*Buffer)->getBuffer();
  // IndexedInstrProf::Magic, "\xfflprofi\x81" in the file.
  if (Head == StringRef("\xff"
                        "lprofi\x81",
                        8))
    return readIndexedProfile(Path, Binaries);
  // A raw profile, \x81 "rforpl" \xff (64-bit) or \x81 "Rforpl" \xff.
  if (Head.size() == 8 && Head[0] == '\x81' && Head.substr(2, 5) == "forpl")
    return profileError("'" + Path +
                        "' is a raw LLVM profile: merge it first with "
                        "'llvm-profdata merge -o FILE.profdata " +
                        Path + "'");
  if (!Head.empty() && !llvm::isPrint(Head[0]) && !llvm::isSpace(Head[0]))
    return profileError("'" + Path +
                        "' is neither an lcov tracefile nor an LLVM indexed "
                        "profile");
  return readLcovProfile(Path);
}

llvm::Expected<ProfilePathRewrite> parseProfilePathRewrite(StringRef Arg) {
  auto [From, To] = Arg.split('=');
  if (From.empty() || !Arg.contains('='))
    return profileError("invalid --profile-path-prefix '" + Arg +
                        "'; expected OLD=NEW");
  return ProfilePathRewrite{From.str(), To.str()};
}

namespace {

/// The unqualified name a profiled function has in the source ("parse" of
/// "_ZN4json6Reader5parseEv"), or empty when it has none to look for: a
/// lambda, an operator, a global initialiser.
std::string sourceName(StringRef Name) {
  // Functions of internal linkage: "file.cpp;_ZL3fooi".
  if (size_t Semi = Name.rfind(';'); Semi != StringRef::npos)
    Name = Name.substr(Semi + 1);
  std::string Base;
  if (Name.starts_with("_Z")) {
    llvm::ItaniumPartialDemangler Demangler;
    std::string Mangled = Name.str();
    if (Demangler.partialDemangle(Mangled.c_str()))
      return "";
    size_t Size = 0;
    char *Buffer = Demangler.getFunctionBaseName(nullptr, &Size);
    if (!Buffer)
      return "";
    Base = Buffer;
    std::free(Buffer);
  } else {
    Base = Name.str();
  }
  StringRef B(Base);
  B = B.take_until([](char C) { return C == '<' || C == '('; });
  B.consume_front("~");
  if (B.empty() || B.starts_with("operator") ||
      !llvm::all_of(B, [](char C) { return llvm::isAlnum(C) || C == '_'; }) ||
      llvm::isDigit(B.front()))
    return "";
  return B.str();
}

bool isIdentifierChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// Name appears in Text as a whole word.
bool containsWord(StringRef Text, StringRef Name) {
  for (size_t At = Text.find(Name); At != StringRef::npos;
       At = Text.find(Name, At + 1)) {
    bool Before = At > 0 && isIdentifierChar(Text[At - 1]);
    size_t End = At + Name.size();
    bool After = End < Text.size() && isIdentifierChar(Text[End]);
    if (!Before && !After)
      return true;
  }
  return false;
}

/// How many lines above a function's first line (as the profile records it:
/// the line of its name with gcov, of its body's brace with llvm-cov) its
/// name may be: a signature over several lines.
constexpr unsigned SignatureLines = 10;

/// Why File's current text no longer matches its profile, or "" when it
/// does: a counted line past its end, or a function whose name is not at or
/// just above the line the profile gives it (lines added or removed above).
std::string mismatch(const ProfiledFile &Data, StringRef Text) {
  llvm::SmallVector<StringRef, 0> Lines;
  Text.split(Lines, '\n');
  unsigned Count = Lines.size();
  if (!Text.empty() && Text.back() == '\n')
    --Count;
  if (!Data.Lines.empty() && Data.Lines.back().first > Count)
    return "the profile counts line " +
           std::to_string(Data.Lines.back().first) + ", the file has " +
           std::to_string(Count);
  for (const ProfiledFunction &Fn : Data.Functions) {
    std::string Name = sourceName(Fn.Name);
    // Names written by a macro (a test framework's) are not in the text.
    if (Name.empty() || !containsWord(Text, Name))
      continue;
    if (Fn.Line > Count)
      return "the profile puts '" + Name + "' at line " +
             std::to_string(Fn.Line) + ", the file has " +
             std::to_string(Count);
    unsigned First = Fn.Line > SignatureLines ? Fn.Line - SignatureLines : 1;
    bool Found = false;
    for (unsigned L = First; L <= Fn.Line && !Found; ++L)
      Found = containsWord(Lines[L - 1], Name);
    if (!Found)
      return "the profile puts '" + Name + "' at line " +
             std::to_string(Fn.Line) + ", where the file has no '" + Name +
             "'";
  }
  return "";
}

std::string normalisedPath(StringRef Path, StringRef Base,
                           llvm::ArrayRef<ProfilePathRewrite> Rewrites) {
  llvm::SmallString<256> P(Path);
  for (const ProfilePathRewrite &R : Rewrites)
    if (StringRef(P).starts_with(R.From)) {
      P = (R.To + StringRef(P).substr(R.From.size())).str();
      break;
    }
  if (!llvm::sys::path::is_absolute(P) && !Base.empty()) {
    llvm::SmallString<256> Joined(Base);
    llvm::sys::path::append(Joined, P);
    P = Joined;
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

} // namespace

ProfileLookup::ProfileLookup(ExecutionProfile P, StringRef Base,
                             std::vector<ProfilePathRewrite> Rewrites,
                             StringRef DisplayRoot)
    : Profile(std::move(P)), DisplayRoot(DisplayRoot.str()) {
  for (const ProfiledFile &F : Profile.Files)
    ByPath.try_emplace(normalisedPath(F.Path, Base, Rewrites), &F);
}

const ProfileLookup::FileState &
ProfileLookup::state(StringRef File, std::optional<StringRef> Analysed) {
  // An editor's file changes under the same name: each text it analyses is
  // judged once.
  std::string StateKey = File.str();
  if (Analysed)
    StateKey += "\n" + std::to_string(llvm::hash_value(*Analysed));
  auto [It, Inserted] = States.try_emplace(StateKey);
  if (!Inserted)
    return It->second;
  FileState &S = It->second;
  llvm::SmallString<256> Key(File);
  llvm::sys::path::remove_dots(Key, /*remove_dot_dot=*/true);
  auto Found = ByPath.find(Key);
  if (Found == ByPath.end())
    return S;
  S.Data = Found->second;
  ++FilesMatched;
  std::string Why;
  if (Analysed) {
    Why = mismatch(*S.Data, *Analysed);
  } else {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Text =
        llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
    Why = Text ? mismatch(*S.Data, (*Text)->getBuffer())
               : "it cannot be read: " + Text.getError().message();
  }
  if (!Why.empty()) {
    S.Stale = true;
    StringRef Shown = File;
    if (!DisplayRoot.empty() && Shown.starts_with(DisplayRoot) &&
        Shown.substr(DisplayRoot.size()).starts_with("/"))
      Shown = Shown.substr(DisplayRoot.size() + 1);
    Warnings.push_back("profile '" + Profile.Name + "' does not match '" +
                       Shown.str() + "' any more (" + Why +
                       "): its findings keep their estimates");
  }
  return S;
}

std::optional<Measurement>
ProfileLookup::lookup(StringRef File, unsigned Line,
                      std::optional<StringRef> Analysed) {
  std::lock_guard<std::mutex> Lock(Mutex);
  auto Start = std::chrono::steady_clock::now();
  std::optional<Measurement> M = measure(File, Line, Analysed);
  LookupSeconds +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  return M;
}

std::optional<Measurement>
ProfileLookup::measure(StringRef File, unsigned Line,
                       std::optional<StringRef> Analysed) {
  const FileState &S = state(File, Analysed);
  if (!S.Data || S.Stale)
    return std::nullopt;
  const auto &Lines = S.Data->Lines;
  auto At =
      llvm::partition_point(Lines, [&](const std::pair<unsigned, uint64_t> &L) {
        return L.first < Line;
      });
  if (At == Lines.end() || At->first != Line)
    return std::nullopt;
  Measurement M;
  M.Executions = static_cast<double>(At->second);
  // The function the line is in: the last to start at or above it, with
  // every instantiation of a template that starts there.
  const auto &Functions = S.Data->Functions;
  auto After = llvm::partition_point(
      Functions, [&](const ProfiledFunction &F) { return F.Line <= Line; });
  if (After != Functions.begin()) {
    unsigned Start = std::prev(After)->Line;
    for (auto It = After;
         It != Functions.begin() && std::prev(It)->Line == Start; --It)
      M.Entries += static_cast<double>(std::prev(It)->Entries);
  }
  return M;
}

std::vector<std::string> ProfileLookup::takeWarnings() {
  std::lock_guard<std::mutex> Lock(Mutex);
  return std::exchange(Warnings, {});
}

std::vector<std::string> ProfileLookup::profileWarnings() const {
  std::vector<std::string> Out;
  if (Profile.MismatchedFunctions)
    Out.push_back("profile '" + Profile.Name + "': " +
                  std::to_string(Profile.MismatchedFunctions) +
                  (Profile.MismatchedFunctions == 1
                       ? " function of the binary has"
                       : " functions of the binary have") +
                  " no matching record (a profile of another program or "
                  "build?): the findings of their files keep their "
                  "estimates");
  if (!FilesMatched && !States.empty()) {
    std::string Example =
        Profile.Files.empty() ? std::string() : Profile.Files.front().Path;
    Out.push_back(
        "profile '" + Profile.Name + "' has no data for any analysed file" +
        (Example.empty()
             ? std::string(" (it counts no file)")
             : " (it counts " + std::to_string(Profile.Files.size()) + " file" +
                   (Profile.Files.size() == 1 ? "" : "s") + ", such as '" +
                   Example + "')") +
        ": a profile of another program, or of paths that "
        "--profile-path-prefix=OLD=NEW must rewrite; every finding keeps its "
        "estimate");
  }
  return Out;
}

std::shared_ptr<ProfileLookup>
sharedProfileLookup(StringRef ProfileFile, llvm::ArrayRef<std::string> Binaries,
                    std::string &Error) {
  llvm::SmallString<256> Path(ProfileFile);
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status)) {
    Error = "cannot read profile '" + ProfileFile.str() + "': " + EC.message();
    return nullptr;
  }
  std::string Key =
      std::string(Path) + "\n" + llvm::join(Binaries, ";") + "\n" +
      std::to_string(Status.getSize()) + "\n" +
      std::to_string(
          Status.getLastModificationTime().time_since_epoch().count());
  static std::mutex Mutex;
  static std::map<std::string, std::shared_ptr<ProfileLookup>> Cache;
  std::lock_guard<std::mutex> Lock(Mutex);
  if (auto It = Cache.find(Key); It != Cache.end())
    return It->second;
  llvm::Expected<ExecutionProfile> Read = readExecutionProfile(Path, Binaries);
  if (!Read) {
    Error = llvm::toString(Read.takeError());
    return nullptr;
  }
  auto Lookup = std::make_shared<ProfileLookup>(
      std::move(*Read), llvm::sys::path::parent_path(Path));
  Cache[Key] = Lookup;
  return Lookup;
}

} // namespace perf_audit
