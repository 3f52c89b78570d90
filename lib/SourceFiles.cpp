//===--- SourceFiles.cpp - Lines, UTF-16 columns and line hashes ----------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <map>

namespace perf_audit {

/// Decodes UTF-8 into UTF-16 code units; an invalid sequence becomes U+FFFD
/// one byte at a time, as a browser's decoder does.
static std::vector<uint16_t> toUtf16(llvm::StringRef Text) {
  std::vector<uint16_t> Units;
  Units.reserve(Text.size());
  const auto *Pos = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const auto *End = reinterpret_cast<const llvm::UTF8 *>(Text.end());
  while (Pos < End) {
    llvm::UTF32 CodePoint;
    const llvm::UTF8 *Next = Pos;
    if (llvm::convertUTF8Sequence(&Next, End, &CodePoint, llvm::strictConversion) !=
        llvm::conversionOK) {
      Units.push_back(0xFFFD);
      ++Pos;
      continue;
    }
    Pos = Next;
    if (CodePoint >= 0x10000) {
      CodePoint -= 0x10000;
      Units.push_back(static_cast<uint16_t>(0xD800 + (CodePoint >> 10)));
      Units.push_back(static_cast<uint16_t>(0xDC00 + (CodePoint & 0x3FF)));
    } else {
      Units.push_back(static_cast<uint16_t>(CodePoint));
    }
  }
  return Units;
}

std::vector<std::string> computeLineHashes(llvm::StringRef Text) {
  // The algorithm of codeql-action's src/fingerprints.ts, in wrapping 64-bit
  // arithmetic.
  constexpr int BlockSize = 100;
  constexpr uint64_t Mod = 37;
  constexpr uint16_t Space = ' ', Tab = '\t', LF = '\n', CR = '\r';
  constexpr uint16_t EndOfFile = 65535;

  uint64_t FirstMod = 1;
  for (int I = 0; I < BlockSize; ++I)
    FirstMod *= Mod;

  std::vector<std::string> Hashes;
  std::vector<uint64_t> Window(BlockSize, 0);
  std::vector<int> LineNumbers(BlockSize, -1);
  std::map<std::string, unsigned> HashCounts;
  uint64_t Hash = 0;
  int Index = 0;
  int LineNumber = 0;
  bool LineStart = true;
  bool PrevCR = false;

  auto OutputHash = [&] {
    std::string Value = llvm::utohexstr(Hash, /*LowerCase=*/true);
    unsigned Count = ++HashCounts[Value];
    size_t Line = static_cast<size_t>(LineNumbers[Index]);
    if (Hashes.size() < Line)
      Hashes.resize(Line);
    Hashes[Line - 1] = Value + ":" + std::to_string(Count);
    LineNumbers[Index] = -1;
  };
  auto UpdateHash = [&](uint64_t Current) {
    uint64_t Begin = Window[Index];
    Window[Index] = Current;
    Hash = Mod * Hash + Current - FirstMod * Begin;
    Index = (Index + 1) % BlockSize;
  };
  auto ProcessCharacter = [&](uint16_t Current) {
    if (Current == Space || Current == Tab || (PrevCR && Current == LF)) {
      PrevCR = false;
      return;
    }
    if (Current == CR) {
      Current = LF;
      PrevCR = true;
    } else {
      PrevCR = false;
    }
    if (LineNumbers[Index] != -1)
      OutputHash();
    if (LineStart) {
      LineStart = false;
      ++LineNumber;
      LineNumbers[Index] = LineNumber;
    }
    if (Current == LF)
      LineStart = true;
    UpdateHash(Current);
  };

  for (uint16_t Unit : toUtf16(Text))
    ProcessCharacter(Unit);
  ProcessCharacter(EndOfFile);
  for (int I = 0; I < BlockSize; ++I) {
    if (LineNumbers[Index] != -1)
      OutputHash();
    UpdateHash(0);
  }
  return Hashes;
}

SourceFiles::File &SourceFiles::load(llvm::StringRef Path) {
  std::unique_ptr<File> &Slot = Files[Path];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<File>();
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (Buffer) {
    Slot->Readable = true;
    Slot->Text = (*Buffer)->getBuffer().str();
  }
  Slot->LineStarts.push_back(0);
  for (size_t I = 0; I < Slot->Text.size(); ++I)
    if (Slot->Text[I] == '\n')
      Slot->LineStarts.push_back(static_cast<unsigned>(I + 1));
  return *Slot;
}

const std::string *SourceFiles::text(llvm::StringRef Path) {
  File &F = load(Path);
  return F.Readable ? &F.Text : nullptr;
}

std::pair<unsigned, unsigned> SourceFiles::lineColumn(llvm::StringRef Path,
                                                      unsigned Offset) {
  File &F = load(Path);
  if (!F.Readable || Offset > F.Text.size())
    return {0, 0};
  auto It = std::upper_bound(F.LineStarts.begin(), F.LineStarts.end(), Offset);
  unsigned Line = static_cast<unsigned>(It - F.LineStarts.begin());
  return {Line, Offset - F.LineStarts[Line - 1] + 1};
}

llvm::StringRef SourceFiles::lineText(llvm::StringRef Path, unsigned Line) {
  File &F = load(Path);
  if (!F.Readable || Line == 0 || Line > F.LineStarts.size())
    return {};
  unsigned Start = F.LineStarts[Line - 1];
  unsigned End = Line < F.LineStarts.size() ? F.LineStarts[Line] - 1
                                            : static_cast<unsigned>(F.Text.size());
  return llvm::StringRef(F.Text).slice(Start, End).rtrim('\r');
}

void SourceFiles::locate(SourcePoint &P) {
  std::tie(P.Line, P.Column) = lineColumn(P.File, P.Offset);
}

unsigned SourceFiles::utf16Column(llvm::StringRef Path, unsigned Line,
                                  unsigned Column) {
  File &F = load(Path);
  if (!F.Readable || Line == 0 || Line > F.LineStarts.size() || Column == 0)
    return Column;
  unsigned Start = F.LineStarts[Line - 1];
  llvm::StringRef Prefix =
      llvm::StringRef(F.Text).substr(Start, Column - 1);
  return static_cast<unsigned>(toUtf16(Prefix).size()) + 1;
}

unsigned SourceFiles::tokenEnd(llvm::StringRef Path, unsigned Offset) {
  File &F = load(Path);
  if (!F.Readable || Offset >= F.Text.size())
    return Offset + 1;
  auto IsWord = [](char C) {
    return llvm::isAlnum(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
  };
  unsigned End = Offset;
  while (End < F.Text.size() && IsWord(F.Text[End]))
    ++End;
  return End == Offset ? Offset + 1 : End;
}

std::string SourceFiles::lineHash(llvm::StringRef Path, unsigned Line) {
  File &F = load(Path);
  if (!F.Readable)
    return {};
  if (!F.Hashes)
    F.Hashes = computeLineHashes(F.Text);
  if (Line == 0 || Line > F.Hashes->size())
    return {};
  return (*F.Hashes)[Line - 1];
}

std::string displayPath(llvm::StringRef Path, llvm::StringRef Root) {
  if (Root.empty())
    return Path.str();
  llvm::SmallString<256> Prefix(Root);
  if (!llvm::sys::path::is_separator(Prefix.back()))
    Prefix += llvm::sys::path::get_separator();
  if (Path.starts_with(Prefix))
    return Path.drop_front(Prefix.size()).str();
  return Path.str();
}

std::string uriPath(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C)) {
      Out += C;
      continue;
    }
    if (C == '\\') {
      Out += '/';
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit((static_cast<unsigned char>(C) >> 4) & 0xF, false);
    Out += llvm::hexdigit(static_cast<unsigned char>(C) & 0xF, false);
  }
  return Out;
}

bool isUnderRoot(llvm::StringRef Path, llvm::StringRef Root) {
  return Root.empty() || displayPath(Path, Root) != Path;
}

} // namespace perf_audit
