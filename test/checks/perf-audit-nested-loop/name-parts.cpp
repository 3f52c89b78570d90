// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// A container of strings named for the parts of one qualified name or path
// (`components` of a namespace `a.b.c`, `segments`; model list
// `name-part-words`) holds as many as the name is deep: a loop over it, in
// the function or in a callee (a namespace's qualified name built per
// definition), is bounded and multiplies nothing. The traps: a graph's
// `components` (vectors, not strings) and a container of strings with
// another name stay input-sized and are reported.

#include <cstddef>
#include <string>
#include <vector>

struct Namespace {
  std::vector<std::string> components;
  std::string qualified(const std::string &Name) const;
};

std::string Namespace::qualified(const std::string &Name) const {
  std::string Out;
  for (const std::string &C : components) {
    Out += C;
    Out += '.';
  }
  return Out + Name;
}

struct Def {
  std::string name;
  Namespace *ns;
};

std::vector<std::string> names(const std::vector<Def> &Defs) {
  std::vector<std::string> Out;
  Out.reserve(Defs.size());
  for (const Def &D : Defs)
    Out.push_back(D.ns->qualified(D.name));
  return Out;
}

bool lookup(const std::vector<std::string> &Table, const std::string &Name);

void resolve(const std::vector<Def> &Defs) {
  for (const Def &D : Defs) {
    const auto &Parts = D.ns->components;
    for (std::size_t N = Parts.size(); N > 0; --N)
      if (lookup(Parts, D.name))
        break;
  }
}

struct Graph {
  std::vector<std::vector<int>> components;
};

int sizes(const Graph &G, const std::vector<int> &Nodes) {
  int Total = 0;
  for (int N : Nodes)
    for (const std::vector<int> &C : G.components)
      for (int M : C)
        Total += M == N;
  // CHECK-MESSAGES: :[[@LINE-3]]:5: warning: nested loop over 'G.components' runs on every iteration of the loop over 'Nodes': O(n*m), ~10,000 iterations per call if 'Nodes' and 'G.components' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Total;
}

int matches(const std::vector<std::string> &Lines,
            const std::vector<std::string> &segments) {
  int Total = 0;
  for (const std::string &L : Lines)
    for (const std::string &S : segments)
      Total += L == S;
  return Total;
}

struct Service {
  std::string name;
  Namespace *ns;
  std::vector<std::string> calls;
};

std::vector<std::string> methods(const Service &S) {
  std::vector<std::string> Out;
  Out.reserve(S.calls.size());
  for (const std::string &Call : S.calls)
    Out.push_back(S.ns->qualified(S.name) + "/" + Call);
  return Out;
}

struct Path {
  std::vector<std::string> segments;
  std::vector<int> rows;
  std::string join() const;
  int count() const;
};
std::string Path::join() const {
  std::string Out;
  for (const std::string &S : segments)
    Out += S;
  return Out;
}
int Path::count() const {
  int N = 0;
  for (int R : rows)
    N += R;
  return N;
}
int perLine(const Path &P, const std::vector<std::string> &Lines) {
  int Total = 0;
  for (const std::string &L : Lines)
    Total += P.join().size() + P.count();
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: 'count' loops over member 'rows' on every iteration of the loop over 'Lines': O(n*m), ~10,000 iterations per call if 'Lines' and 'rows' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Total;
}

int tokenMatches(const std::vector<std::string> &Lines,
                 const std::vector<std::string> &tokens) {
  int Total = 0;
  for (const std::string &L : Lines)
    for (const std::string &T : tokens)
      Total += L == T;
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: nested loop over 'tokens' runs on every iteration of the loop over 'Lines': O(n*m), ~10,000 iterations per call if 'Lines' and 'tokens' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Total;
}

// The parts reached through the outer element (`it.second.ns->components`):
// the data is the outer loop's, the container still one name's parts.
struct Entry {
  Namespace *ns;
  std::vector<std::string> definitions;
  std::vector<std::string> aliases;
};
struct Namer {
  virtual std::string directories(const std::vector<std::string> &Dirs) const;
};
std::string Namer::directories(const std::vector<std::string> &Dirs) const {
  std::string Out;
  for (const std::string &D : Dirs)
    Out += D + "/";
  return Out;
}
std::string paths(const Namer &N, const std::vector<Entry> &Entries) {
  std::string Code;
  for (const Entry &E : Entries)
    for (const std::string &Def : E.definitions)
      Code += N.directories(E.ns->components) + Def;
  return Code;
}
std::string aliasPaths(const Namer &N, const std::vector<Entry> &Entries) {
  std::string Code;
  for (const Entry &E : Entries)
    for (const std::string &Def : E.definitions)
      Code += N.directories(E.aliases) + Def;
  // The definitions are a part of each entry (a few each): the entries and
  // their definitions together are one walk.
  // CHECK-MESSAGES: :[[@LINE-3]]:15: warning: 'directories' loops over 'E.aliases' on every iteration of the loop over 'E.definitions': O(n^2), ~40,000 iterations per call if 'Entries' and 'E.aliases' have ~100 elements each and 'E.definitions' ~4 [impact: medium 54] [perf-audit-nested-loop]
  return Code;
}

// A count of the parts, through a local reference: as bounded as the parts.
bool known(const std::string &Name);
bool lookupInScopes(const Namespace &Current, const std::string &Name,
                    std::size_t SkipTop) {
  const auto &Parts = Current.components;
  if (Parts.size() < SkipTop)
    return false;
  const std::size_t N = Parts.size() - SkipTop;
  std::string Full;
  for (std::size_t I = 0; I < N; ++I)
    Full += Parts[I] + ".";
  return known(Full + Name);
}
int resolved(const Namespace &Current, const std::vector<std::string> &Ids) {
  int Found = 0;
  for (const std::string &Id : Ids)
    Found += lookupInScopes(Current, Id, 0);
  return Found;
}

// Walking out through the enclosing scopes: a count that starts at the
// number of parts is as bounded as they are.
int lookupEnclosing(const Namespace *Ns, const std::string &Name) {
  int Found = 0;
  for (std::size_t Depth = Ns->components.size() + 1; Depth && !Found; Depth--)
    Found += lookupInScopes(*Ns, Name, Depth - 1);
  return Found;
}
