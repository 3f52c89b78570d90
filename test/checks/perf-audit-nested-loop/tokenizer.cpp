// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression tests from real code (docs/real-world.md, cppcheck's
// Tokenizer): a [[noreturn]] error reporter runs once, whatever loops
// surround its call; an inner loop that moves the outer loop's cursor on
// from where it is (declared before both loops) shares one walk with it.

#include <string>
#include <vector>

struct Token {
  std::string Str;
  Token *Next = nullptr;
  Token *Link = nullptr;
  Token *tokAt(int N) {
    Token *T = this;
    while (T && N-- > 0)
      T = T->Next;
    return T;
  }
};

class Tokenizer {
public:
  [[noreturn]] void syntaxError(const Token *Where) const;
  void simplify(Token *Start);
  int countDefined(const std::vector<std::string> &Names) const;

private:
  std::vector<std::string> Defined;
  Token *Front = nullptr;
};

// Walks every token to say where the error is, then throws.
void Tokenizer::syntaxError(const Token *Where) const {
  std::string Context;
  for (const std::string &Name : Defined)
    Context += Name;
  throw Context + (Where ? Where->Str : "");
}

void Tokenizer::simplify(Token *Start) {
  Token *Tok2 = Start;
  do {
    if (!Tok2->Next)
      syntaxError(Tok2);
    Tok2 = Tok2->Next;
    if (Tok2->Str == "&") {
      Token *Tok3 = Tok2->Next;
      Tok2 = Tok3->tokAt(2);
      // Skips `::` pairs: moves the outer cursor on, no restart.
      while (Tok2 && Tok2->Next && Tok2->Next->Str == "::")
        Tok2 = Tok2->tokAt(2);
    }
    if (!Tok2)
      syntaxError(nullptr);
  } while (Tok2->Next);
}

int Tokenizer::countDefined(const std::vector<std::string> &Names) const {
  int Count = 0;
  for (const std::string &Name : Names) {
    // Restarts from the front for every name: a real nested walk.
    for (const Token *Tok = Front; Tok; Tok = Tok->Next)
      Count += Tok->Str == Name;
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: nested loop over 'Front' runs on every iteration of the loop over 'Names': O(n*m), ~10,000 iterations per call if 'Names' and 'Front' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
  }
  return Count;
}
