//===--- CopyCost.h - What copying an object costs --------------*- C++ -*-===//
//
// Part of perf-audit. A std::string copy allocates; a vector of strings
// allocates once per element; a struct costs what its members cost; an int
// costs nothing worth reporting. Owning and cheap types come from the model
// (lib/models/types.yaml).
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_COPYCOST_H
#define PERF_AUDIT_COPYCOST_H

#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class CXXRecordDecl;
class FieldDecl;
class FunctionDecl;
} // namespace clang

namespace perf_audit {

class CallClassifier;

/// Characters a std::string holds in its own small buffer, without
/// allocating (libstdc++: 15; libc++: 22).
inline constexpr double SmallStringCapacity = 15;

struct CopyCostOptions {
  /// Trivially copyable types up to this many bytes are cheap to copy.
  uint64_t MinimumTypeSize = 64;
  /// Elements assumed in a container of unknown size.
  double AssumedElements = 100;
  /// Elements assumed in a container inside another container's element.
  double AssumedNestedElements = 4;
  /// Characters assumed in a string (beyond the small-string buffer).
  double AssumedCharacters = 32;
};

class CopyCostModel {
public:
  CopyCostModel(CallClassifier &Calls, const clang::ASTContext &Ctx,
                CopyCostOptions Options = {});

  /// Estimated nanoseconds to copy one object of T, or none when a copy is
  /// cheap (a small trivially copyable type, a view, a shared handle) or T
  /// cannot be copied.
  std::optional<double> costNs(clang::QualType T);

  /// What moving a T saves over copying it, or nullopt when nothing: a
  /// trivially copyable or cheap type, a class without a move constructor,
  /// or one whose implicit move copies its costly members anyway (the key
  /// of a `std::pair<const std::string, int>`).
  std::optional<double> moveSavingNs(clang::QualType T);

  /// What moving a T saves when only Filled of its fields hold anything
  /// (the others are as a default constructor left them: empty strings and
  /// containers, whose copy allocates nothing). T's copy and move are the
  /// implicit member-wise ones (VarUses.h: fieldsFilledBefore).
  std::optional<double>
  moveSavingNs(clang::QualType T,
               llvm::ArrayRef<const clang::FieldDecl *> Filled);

  /// T as messages show it: "std::vector<Order>", "std::string".
  std::string spell(clang::QualType T) const;

private:
  /// InElement: T is (part of) an element of a container being priced.
  std::optional<double> costOf(clang::QualType T, unsigned Depth,
                               bool InElement = false);
  std::optional<double> savingOf(clang::QualType T, unsigned Depth,
                                 bool InElement = false);
  /// True when RD has more than one container member (strings aside): a
  /// record of several parts, each holding a few, not one data set.
  bool holdsSeveralContainers(const clang::CXXRecordDecl *RD);
  /// True when calling FD may allocate: its body (a few calls deep) has a
  /// `new`, an allocating function, a copy of a costly member, or a call
  /// that cannot be followed. A copy constructor that does none of that
  /// shares what it copies (a reference-counted handle).
  bool mayAllocate(const clang::FunctionDecl *FD, unsigned Depth);
  CallClassifier &Calls;
  const clang::ASTContext &Ctx;
  CopyCostOptions Options;
  llvm::DenseMap<const clang::Type *, std::optional<double>> Cache;
  llvm::DenseMap<const clang::FunctionDecl *, bool> AllocatingFunctions;
};

} // namespace perf_audit

#endif // PERF_AUDIT_COPYCOST_H
