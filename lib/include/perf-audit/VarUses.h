//===--- VarUses.h - How a variable is used in a function -------*- C++ -*-===//
//
// Part of perf-audit. Whether a copy is only read, whether a use is the last
// one, whether something else may observe the variable: the questions
// behind a const-reference or std::move fix-it.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_VARUSES_H
#define PERF_AUDIT_VARUSES_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class FieldDecl;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace perf_audit {

class LoopModel;

/// True for `std::move(E)` and `std::forward<T>(E)`.
bool isMoveOrForward(const clang::CallExpr *Call);

/// The code of a function: a constructor's member initializers, then its
/// body.
llvm::SmallVector<const clang::Stmt *, 4>
functionCode(const clang::FunctionDecl *FD);

/// Library functions that only read through the iterators and ranges they
/// are given (`std::find`, `std::count_if`: model list `reading-functions`).
using ReadingFunctions = llvm::function_ref<bool(const clang::FunctionDecl &)>;

/// True when nothing in Scope modifies Var, moves from it, or takes a
/// non-const reference or pointer to it. A call of a non-const member
/// function that has a const twin (the same name and parameters, `const`:
/// `begin()`, `front()`, `operator[]` of a vector, `find` of a map) reads
/// Var when what it returns is only read: copied, compared, passed by value
/// or const reference, dereferenced and read, given to one of
/// IsReading's functions, or kept in an `auto` iterator used that way. Made
/// const, Var calls the twin, and the code means the same.
bool isOnlyRead(const clang::ValueDecl *Var, const clang::Stmt &Scope,
                clang::ASTContext &Ctx, ReadingFunctions IsReading = {});
bool isOnlyRead(const clang::ValueDecl *Var, const clang::FunctionDecl *FD,
                clang::ASTContext &Ctx, ReadingFunctions IsReading = {});

/// True when, after Point, FD changes Var (as isOnlyRead sees changes: a
/// call of a non-const member with a const twin whose result is only read
/// is not one), moves from it, or, for a pointer to non-const, hands it to a
/// parameter through which the callee may change what it points to. A copy
/// taken at Point then holds what a reference would no longer see.
bool isChangedAfter(const clang::VarDecl *Var, const clang::Stmt *Point,
                    const clang::FunctionDecl *FD, clang::ASTContext &Ctx,
                    ReadingFunctions IsReading = {});

/// True when Var starts empty: no initializer, `{}`, or a default
/// constructor given no argument of its own.
bool startsEmpty(const clang::VarDecl *Var);

/// True when Var's address is taken, a reference is bound to it, or a
/// lambda captures it by reference anywhere in FD: an alias could observe
/// it after a move.
bool isAliased(const clang::VarDecl *Var, const clang::FunctionDecl *FD);

/// True when Ref is the last use of its variable in FD: no reference to the
/// variable follows it, and no loop that encloses Site (the statement that
/// uses Ref: Ref itself, or the lambda whose capture it initialises) but not
/// the variable's declaration runs it again.
bool isLastUse(const clang::DeclRefExpr *Ref, const clang::Stmt *Site,
               const clang::FunctionDecl *FD, LoopModel &Loops,
               clang::ASTContext &Ctx);

/// True when the string local Var holds nothing but literals of at most
/// Capacity characters, or nothing, wherever FD uses it outside Site: it is
/// initialised and assigned only such literals (`String colon = " : "; if
/// (compact) colon = ":";`), emptied with `clear()`, and otherwise only
/// read. Such a string lives in its small buffer: copying it allocates
/// nothing.
bool holdsOnlyShortLiterals(const clang::VarDecl *Var, const clang::Stmt *Site,
                            const clang::FunctionDecl *FD, unsigned Capacity,
                            clang::ASTContext &Ctx);

/// For a local of class type that starts out empty or in parts (`Comment
/// c;`, `Comment c{};`: a default constructor nobody wrote, no member
/// initialisers that give a member content; `pair<const K, V> p(key,
/// V())`: a constructor that only initialises members from its arguments,
/// where a default-constructed argument gives nothing), the fields that may
/// hold something when Site runs: those given something by the declaration
/// and the fields named before Site on a path that reaches it. Uses inside a block that goes on to `return`, `throw`, or
/// `continue`/`break` a loop that declares the variable do not reach Site.
/// An empty list: the object is as it was constructed. None when the
/// variable does not start out empty, or a use before Site may change any
/// part of it (a non-const member function, a non-const reference).
std::optional<llvm::SmallVector<const clang::FieldDecl *, 4>>
fieldsFilledBefore(const clang::VarDecl *Var, const clang::Stmt *Site,
                   const clang::FunctionDecl *FD, LoopModel &Loops,
                   clang::ASTContext &Ctx);

} // namespace perf_audit

#endif // PERF_AUDIT_VARUSES_H
