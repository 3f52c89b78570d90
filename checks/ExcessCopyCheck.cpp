//===--- ExcessCopyCheck.cpp - perf-audit-excess-copy ---------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "ExcessCopyCheck.h"
#include "perf-audit/Async.h"
#include "perf-audit/VarUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::tidy::perf_audit {

ExcessCopyCheck::ExcessCopyCheck(StringRef Name, ClangTidyContext *Context)
    : PerfAuditCheck(Name, Context),
      CheckRangeLoops(Options.get("CheckRangeLoops", true)),
      CheckParameters(Options.get("CheckParameters", true)),
      CheckLocals(Options.get("CheckLocals", true)),
      CheckLastUse(Options.get("CheckLastUse", true)),
      Inserter(Options.getLocalOrGlobal("IncludeStyle",
                                        utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {}

void ExcessCopyCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  PerfAuditCheck::storeOptions(Opts);
  Options.store(Opts, "CheckRangeLoops", CheckRangeLoops);
  Options.store(Opts, "CheckParameters", CheckParameters);
  Options.store(Opts, "CheckLocals", CheckLocals);
  Options.store(Opts, "CheckLastUse", CheckLastUse);
  // Read with the other analysis options: the copy cost model is shared.
  Options.store(Opts, core::option::MinimumTypeSize,
                analysisOptions().MinimumTypeSize);
  Options.store(Opts, core::option::CheapTypes, analysisOptions().CheapTypes);
  Options.store(Opts, "IncludeStyle", Inserter.getStyle());
}

void ExcessCopyCheck::registerPPCallbacks(const SourceManager &, Preprocessor *PP,
                                          Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void ExcessCopyCheck::registerMatchers(MatchFinder *Finder) {
  PerfAuditCheck::registerMatchers(Finder);
  auto NotInstantiated = unless(isInTemplateInstantiation());
  auto InUserCode = unless(isExpansionInSystemHeader());
  if (CheckRangeLoops) {
    Finder->addMatcher(cxxForRangeStmt(NotInstantiated, InUserCode).bind("range"),
                       this);
    Finder->addMatcher(
        cxxForRangeStmt(isInTemplateInstantiation(), InUserCode)
            .bind("range-instance"),
        this);
  }
  if (CheckParameters) {
    Finder->addMatcher(
        functionDecl(isDefinition(), InUserCode, unless(isImplicit()))
            .bind("function"),
        this);
  }
  if (CheckLocals)
    Finder->addMatcher(varDecl(hasLocalStorage(), unless(parmVarDecl()),
                               InUserCode, hasInitializer(expr()))
                           .bind("local"),
                       this);
  if (CheckLastUse) {
    auto LocalRef =
        declRefExpr(to(varDecl(hasAutomaticStorageDuration()))).bind("ref");
    // In an instantiation, what it would report is gathered and reported
    // once at the pattern (reportLastUses).
    for (const char *Bound : {"copy", "copy-instance"}) {
      StatementMatcher Instantiated =
          StringRef(Bound) == "copy" ? StatementMatcher(NotInstantiated)
                                     : StatementMatcher(isInTemplateInstantiation());
      Finder->addMatcher(
          cxxConstructExpr(
              Instantiated, InUserCode,
              hasDeclaration(cxxConstructorDecl(isCopyConstructor())),
              hasArgument(0, ignoringImplicit(LocalRef)))
              .bind(Bound),
          this);
      Finder->addMatcher(
          callExpr(Instantiated, InUserCode,
                   forEachArgumentWithParam(
                       ignoringImplicit(LocalRef),
                       parmVarDecl(hasType(lValueReferenceType()))))
              .bind(Bound),
          this);
    }
    Finder->addMatcher(callExpr(NotInstantiated, InUserCode,
                                callee(functionDecl(hasName("::std::move"))),
                                argumentCountIs(1))
                           .bind("move"),
                       this);
  }
}

void ExcessCopyCheck::onStartOfTranslationUnit() {
  Functions.clear();
  Instances.clear();
  LastUses.clear();
  LastUsesReported.clear();
}


/// True for declarations of template instantiations: their types come from
/// template arguments, and the pattern is what the user wrote.
static bool isInstantiated(const Decl *D) {
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DC);
        FD && FD->isTemplateInstantiation())
      return true;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(DC);
        Spec && Spec->getSpecializationKind() != TSK_ExplicitSpecialization)
      return true;
  }
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    return FD->isTemplateInstantiation();
  return false;
}

void ExcessCopyCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &C = *Result.Context;
  Ctx = &C;
  if (const auto *Loop = Result.Nodes.getNodeAs<CXXForRangeStmt>("range"))
    return checkRangeLoop(Loop, C);
  if (const auto *Loop =
          Result.Nodes.getNodeAs<CXXForRangeStmt>("range-instance")) {
    if (const VarDecl *Var = Loop->getLoopVariable())
      collectInstance(Var, [&] { checkRangeLoop(Loop, C); });
    return;
  }
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function")) {
    if (!isInstantiated(FD))
      Functions.push_back(FD);
    return;
  }
  if (const auto *Local = Result.Nodes.getNodeAs<VarDecl>("local")) {
    if (!isInstantiated(Local))
      checkLocal(Local, C);
    else if (!Local->isCXXForRangeDecl() && !Local->isImplicit())
      collectInstance(Local, [&] { checkLocal(Local, C); });
    return;
  }
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    if (const auto *Copy = Result.Nodes.getNodeAs<Expr>("copy"))
      return checkLastUse(Ref, Copy, C);
    std::optional<InstanceCopy> Found;
    Collecting = &Found;
    checkLastUse(Ref, Result.Nodes.getNodeAs<Expr>("copy-instance"), C);
    Collecting = nullptr;
    if (Found)
      LastUses[Ref->getBeginLoc().getRawEncoding()].push_back(
          {Ref, std::move(*Found)});
    return;
  }
  if (const auto *Move = Result.Nodes.getNodeAs<CallExpr>("move"))
    checkConstMove(Move, C);
}

void ExcessCopyCheck::onEndOfTranslationUnit() {
  if (Ctx) {
    for (const FunctionDecl *FD : Functions)
      checkParameters(FD, *Ctx);
    reportInstances(*Ctx);
    reportLastUses(*Ctx);
  }
  Functions.clear();
  Instances.clear();
  LastUses.clear();
  LastUsesReported.clear();
}

void ExcessCopyCheck::collectInstance(const VarDecl *Var,
                                      llvm::function_ref<void()> Check) {
  std::optional<InstanceCopy> Copy;
  Collecting = &Copy;
  Check();
  Collecting = nullptr;
  InstanceGroup &Group = Instances[Var->getLocation().getRawEncoding()];
  Group.Vars.push_back(Var);
  Group.Copies.push_back(std::move(Copy));
}

/// True when Var, a variable of a template instantiation, comes from a
/// pattern variable whose type is dependent (`T copy = orig;`, `auto x =
/// f<T>()`, `for (const T v : range)`): the pattern alone says nothing of
/// its copies. One of a type known in the pattern is checked there.
static bool hasDependentPattern(const VarDecl *Var, ASTContext &C) {
  const auto *FD =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  const FunctionDecl *Pattern =
      FD ? FD->getTemplateInstantiationPattern() : nullptr;
  if (!Pattern || !Pattern->getBody())
    return false;
  // The pattern's variable is declared at the same place.
  std::function<const VarDecl *(const Stmt *)> Find =
      [&](const Stmt *S) -> const VarDecl * {
    if (!S)
      return nullptr;
    if (const auto *Declaration = dyn_cast<DeclStmt>(S))
      for (const Decl *D : Declaration->decls())
        if (const auto *V = dyn_cast<VarDecl>(D);
            V && V->getLocation() == Var->getLocation())
          return V;
    for (const Stmt *Child : S->children())
      if (const VarDecl *Found = Find(Child))
        return Found;
    return nullptr;
  };
  const VarDecl *PatternVar = Find(Pattern->getBody());
  return PatternVar && (PatternVar->getType()->isDependentType() ||
                        PatternVar->getType()->isUndeducedType());
}

static const CXXConstructExpr *copyInitializer(const VarDecl *Var);

/// " where instantiated" when all of a pattern's All instantiations in the
/// unit copy something costly, " in N of M instantiations" otherwise.
static std::string instantiatedIn(size_t Costly, size_t All) {
  if (Costly == All)
    return " where instantiated";
  return " in " + std::to_string(Costly) + " of " + std::to_string(All) +
         " instantiations";
}
static void
memberInstantiations(const FunctionDecl *Pattern,
                     llvm::SmallVectorImpl<const FunctionDecl *> &Found);

/// What this unit instantiates from Pattern: a function template's
/// specializations, or the members of a class template's specializations.
static void
templateInstantiations(const FunctionDecl *Pattern,
                       llvm::SmallVectorImpl<const FunctionDecl *> &Found) {
  if (const FunctionTemplateDecl *Template =
          Pattern->getDescribedFunctionTemplate())
    Found.append(Template->spec_begin(), Template->spec_end());
  else
    memberInstantiations(Pattern, Found);
}

/// The implicit instantiations of Pattern in this unit that have a body.
static unsigned countInstantiations(const FunctionDecl *Pattern) {
  llvm::SmallVector<const FunctionDecl *, 8> All;
  templateInstantiations(Pattern, All);
  return llvm::count_if(All, [](const FunctionDecl *F) {
    return F->getTemplateSpecializationKind() != TSK_ExplicitSpecialization &&
           F->hasBody();
  });
}

void ExcessCopyCheck::reportLastUses(ASTContext &C) {
  const SourceManager &SM = C.getSourceManager();
  for (const auto &[Key, Uses] : LastUses) {
    // The pattern's own copy was judged there.
    if (LastUsesReported.count(Key))
      continue;
    const DeclRefExpr *First = Uses.front().first;
    const FunctionDecl *FD = loops(C).enclosingFunction(First);
    const FunctionDecl *Pattern =
        FD ? FD->getTemplateInstantiationPattern() : nullptr;
    if (!Pattern)
      continue;
    // Every instantiation copies there, each on its last use: moving is
    // right for each. Where one does not copy, its argument may bind to a
    // `T &` that a move would not compile with.
    llvm::SmallPtrSet<const FunctionDecl *, 8> Taking;
    const InstanceCopy *Worst = nullptr;
    unsigned Saving = 0;
    for (const auto &[Ref, Copy] : Uses) {
      Taking.insert(loops(C).enclosingFunction(Ref));
      if (!Copy.Saves)
        continue;
      ++Saving;
      if (!Worst || Copy.Impact.totalNs() > Worst->Impact.totalNs())
        Worst = &Copy;
    }
    unsigned All = countInstantiations(Pattern);
    if (!Worst || Taking.size() < All)
      continue;
    std::string Message =
        Worst->Head + " (" + Worst->Spelled +
        instantiatedIn(Saving, All) +
        ")" + Worst->Tail;
    // A template of a header may be instantiated otherwise elsewhere.
    if (!SM.isInMainFile(SM.getExpansionLoc(Pattern->getLocation()))) {
      report(First->getBeginLoc(), Message, Worst->Impact, SM);
      note(First->getBeginLoc(),
           "in a template other files can instantiate, add the std::move by "
           "hand: no fix-it is offered, as this unit sees only its own "
           "instantiations");
      continue;
    }
    DiagnosticBuilder D = report(First->getBeginLoc(), Message,
                                 Worst->Impact, SM);
    D << FixItHint::CreateInsertion(First->getBeginLoc(), "std::move(")
      << FixItHint::CreateInsertion(
             Lexer::getLocForEndOfToken(First->getEndLoc(), 0, SM,
                                        getLangOpts()),
             ")");
    if (std::optional<FixItHint> Include = Inserter.createIncludeInsertion(
            SM.getFileID(SM.getExpansionLoc(First->getBeginLoc())),
            "<utility>"))
      D << *Include;
  }
}

/// True when Var is initialised with a copy of an object of its own type:
/// a reference to that object would do in its place. A conversion (`B copy =
/// orig;` with B an int and orig a class) would not bind one.
static bool copiesItsOwnType(const VarDecl *Var) {
  QualType Type = Var->getType().getCanonicalType().getUnqualifiedType();
  if (Type->isRecordType()) {
    const CXXConstructExpr *Copy = copyInitializer(Var);
    return Copy && Copy->getConstructor()->isCopyConstructor();
  }
  const Expr *Init = Var->getInit();
  while (Init) {
    Init = Init->IgnoreParens();
    const auto *Cast = dyn_cast<ImplicitCastExpr>(Init);
    if (!Cast)
      break;
    if (Cast->getCastKind() != CK_LValueToRValue &&
        Cast->getCastKind() != CK_NoOp)
      return false; // A conversion.
    Init = Cast->getSubExpr();
  }
  return Init && Init->isGLValue() &&
         Init->getType().getCanonicalType().getUnqualifiedType() == Type;
}

void ExcessCopyCheck::reportInstances(ASTContext &C) {
  const SourceManager &SM = C.getSourceManager();
  for (const auto &Entry : Instances) {
    const InstanceGroup &Group = Entry.second;
    const VarDecl *First = Group.Vars.front();
    if (!hasDependentPattern(First, C))
      continue;
    // One costly instantiation that needs its copy (it changes it, keeps it
    // as a snapshot, moves it on) needs it in every one.
    const InstanceCopy *Worst = nullptr;
    unsigned Costly = 0;
    bool Needed = false;
    // One that converts would not compile with a reference.
    for (size_t I = 0; I < Group.Vars.size() && !Needed; ++I) {
      if (!copiesItsOwnType(Group.Vars[I])) {
        Needed = true;
        break;
      }
      if (!copies(C).costNs(Group.Vars[I]->getType()))
        continue;
      ++Costly;
      const std::optional<InstanceCopy> &Copy = Group.Copies[I];
      if (!Copy)
        Needed = true;
      else if (!Worst || Copy->Impact.totalNs() > Worst->Impact.totalNs())
        Worst = &*Copy;
    }
    if (Needed || !Worst)
      continue;
    TypeLoc Loc = First->getTypeSourceInfo()->getTypeLoc();
    StringRef Written = Lexer::getSourceText(
        CharSourceRange::getTokenRange(First->getBeginLoc(), Loc.getEndLoc()),
        SM, getLangOpts());
    std::string Message =
        Worst->Head + " (" + (Written.empty() ? "auto" : Written.trim().str()) +
        ", " + Worst->Spelled +
        instantiatedIn(Costly, Group.Vars.size()) +
        ")" + Worst->Tail;
    report(First->getLocation(), Message, Worst->Impact, SM);
    note(First->getLocation(),
         "in a template, change it to a const reference by hand: no fix-it "
         "is offered, as this unit sees only its own instantiations");
  }
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The copy that initialises Var, if its initializer copies an lvalue (a
/// prvalue initializer is elided, not copied).
static const CXXConstructExpr *copyInitializer(const VarDecl *Var) {
  const Expr *Init = Var->getInit();
  if (!Init)
    return nullptr;
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Init))
    Init = Cleanups->getSubExpr();
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreParenImpCasts());
  if (!Construct || Construct->getNumArgs() == 0 || Construct->isElidable())
    return nullptr;
  const Expr *Source = Construct->getArg(0)->IgnoreImplicit();
  if (!Source->isGLValue())
    return nullptr;
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  // A copy, or a converting constructor that copies (pair<string, V> from
  // pair<const string, V>&).
  if (!Ctor->isCopyConstructor() && !Ctor->isConvertingConstructor(false))
    return nullptr;
  return Construct;
}

/// The declaration's type as written, from its first token up to its name.
static std::optional<std::string> writtenType(const DeclaratorDecl *D,
                                              const SourceManager &SM,
                                              const LangOptions &LO) {
  SourceLocation Begin = D->getBeginLoc(), Name = D->getLocation();
  if (Begin.isInvalid() || Name.isInvalid() || Begin.isMacroID() ||
      Name.isMacroID())
    return std::nullopt;
  StringRef Text = Lexer::getSourceText(CharSourceRange::getCharRange(Begin, Name),
                                        SM, LO);
  Text = Text.trim();
  if (Text.empty() || Text.contains("decltype"))
    return std::nullopt;
  // A `&` inside template arguments (`std::function<int(const T &)>`) is
  // part of the type; outside them it makes a reference or a declarator
  // (`int (&a)[3]`) that "const T &" cannot be written around.
  int Angles = 0, Parens = 0;
  for (char Ch : Text) {
    Angles += Ch == '<' ? 1 : Ch == '>' ? -1 : 0;
    if (Angles == 0)
      Parens += Ch == '(' ? 1 : Ch == ')' ? -1 : 0;
    if (Angles < 0 || (Ch == '&' && Angles == 0))
      return std::nullopt;
  }
  if (Angles != 0 || Parens != 0)
    return std::nullopt;
  return Text.str();
}

static bool containsWord(StringRef Text, StringRef Word) {
  size_t At = 0;
  while ((At = Text.find(Word, At)) != StringRef::npos) {
    bool Start = At == 0 || !(isalnum(Text[At - 1]) || Text[At - 1] == '_');
    size_t End = At + Word.size();
    bool Finish = End == Text.size() || !(isalnum(Text[End]) || Text[End] == '_');
    if (Start && Finish)
      return true;
    At = End;
  }
  return false;
}

/// Written without its template arguments: `const` in
/// `std::function<int(const T &)>` does not qualify the type.
static std::string outsideTemplateArguments(StringRef Written) {
  std::string Outside;
  int Angles = 0;
  for (char Ch : Written) {
    if (Ch == '<')
      ++Angles;
    if (Angles == 0)
      Outside += Ch;
    if (Ch == '>')
      --Angles;
  }
  return Outside;
}

/// "const T &" for the written type T (or "const auto &").
static std::string constReference(StringRef Written, bool UseAuto) {
  std::string Outside = outsideTemplateArguments(Written);
  if (UseAuto || containsWord(Outside, "auto"))
    return "const auto &";
  if (containsWord(Outside, "const"))
    return Written.str() + " &";
  return "const " + Written.str() + " &";
}

/// A replacement of a declaration's type, up to its name, by a const
/// reference.
static std::optional<FixItHint> toConstReference(const DeclaratorDecl *D,
                                                 bool UseAuto,
                                                 const SourceManager &SM,
                                                 const LangOptions &LO) {
  std::optional<std::string> Written = writtenType(D, SM, LO);
  if (!Written)
    return std::nullopt;
  return FixItHint::CreateReplacement(
      CharSourceRange::getCharRange(D->getBeginLoc(), D->getLocation()),
      constReference(*Written, UseAuto));
}

//===----------------------------------------------------------------------===//
// Range-for variables
//===----------------------------------------------------------------------===//

/// True when A and B are specializations of one class template: a
/// `std::pair<std::string, V>` built from a map's `std::pair<const
/// std::string, V>` converts member by member, and a reference to the
/// element has the members the body uses. A conversion to another class
/// (a constructor taking the element) makes what the element is not.
static bool isSameTemplate(QualType A, QualType B) {
  const auto *SpecA = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      A->getAsCXXRecordDecl());
  const auto *SpecB = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      B->getAsCXXRecordDecl());
  return SpecA && SpecB &&
         SpecA->getSpecializedTemplate()->getCanonicalDecl() ==
             SpecB->getSpecializedTemplate()->getCanonicalDecl();
}

void ExcessCopyCheck::checkRangeLoop(const CXXForRangeStmt *Loop,
                                     ASTContext &C) {
  const VarDecl *Var = Loop->getLoopVariable();
  if (!Var || Var->getType()->isReferenceType() ||
      Var->getType()->isDependentType())
    return;
  const CXXConstructExpr *Copy = copyInitializer(Var);
  if (!Copy || (!Copy->getConstructor()->isCopyConstructor() &&
                !isSameTemplate(Var->getType(),
                                Copy->getArg(0)->IgnoreImplicit()->getType())))
    return;
  std::optional<double> Cost = copies(C).costNs(Var->getType());
  if (!Cost)
    return;
  // Only read: the variable, or every binding of a structured binding.
  const Stmt &Body = *Loop->getBody();
  if (const auto *Decomposition = dyn_cast<DecompositionDecl>(Var)) {
    for (const BindingDecl *B : Decomposition->bindings())
      if (!isOnlyRead(B, Body, C))
        return;
  } else if (!isOnlyRead(Var, Body, C)) {
    return;
  }

  core::LoopModel &Loops = loops(C);
  const SourceManager &SM = C.getSourceManager();
  double Executions = Loops.executionsPerCall(Loop->getLoopVarStmt());
  core::Impact I = core::estimateImpact(core::CostKind::Copy, *Cost, Executions);
  I.Certainty = Loops.confidence(Loop->getLoopVarStmt());
  if (!meetsMinimum(I))
    return;
  bool Converting = !Copy->getConstructor()->isCopyConstructor();
  std::string Type = copies(C).spell(Var->getType());
  std::string Name = isa<DecompositionDecl>(Var) ? "structured binding"
                                                  : "'" + Var->getName().str() + "'";
  std::string Tail = " copies each element but is only read: ~" +
                     core::formatCount(Executions) + " copies per call" +
                     assumption(Loop->getLoopVarStmt(), C);
  if (Collecting) {
    *Collecting =
        InstanceCopy{I, "loop variable " + Name,
                     copies(C).spell(Var->getType().getCanonicalType()), Tail};
    return;
  }
  std::string Message = "loop variable " + Name + " (" + Type + ")" + Tail;
  {
    DiagnosticBuilder D = report(Var->getLocation(), Message, I, SM);
    if (std::optional<FixItHint> Fix =
            toConstReference(Var, /*UseAuto=*/Converting, SM, getLangOpts()))
      D << *Fix;
  }
  if (Converting)
    note(Var->getLocation(),
         "the elements are '" +
             copies(C).spell(Copy->getArg(0)->IgnoreImplicit()->getType()) +
             "': declaring the variable as '" + Type +
             "' converts, and copies, each one");
}

/// True when the callee's parameter Index is a forwarding reference
/// (`Args&&...` of make_shared, emplace_back): an lvalue argument binds to
/// it as `T&`, and what the callee builds from it is a copy.
static bool isForwardingParameter(const FunctionDecl *Callee, unsigned Index) {
  const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern();
  if (!Pattern || Pattern->getNumParams() == 0)
    return false;
  // A parameter pack covers the trailing arguments.
  QualType Written =
      Pattern->getParamDecl(std::min(Index, Pattern->getNumParams() - 1))
          ->getType();
  if (const auto *Pack = Written->getAs<PackExpansionType>())
    Written = Pack->getPattern();
  const auto *RRef = Written->getAs<RValueReferenceType>();
  return RRef && RRef->getPointeeType()->isTemplateTypeParmType();
}

/// True for a container member that builds an element from its arguments
/// (emplace_back, push_back, insert, try_emplace, append).
static bool isInsertingMethod(const FunctionDecl *Callee) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  StringRef Name =
      Method && Method->getIdentifier() ? Method->getName() : StringRef();
  return Name.starts_with("emplace") || Name.starts_with("push") ||
         Name.starts_with("insert") || Name == "try_emplace" ||
         Name == "append";
}

//===----------------------------------------------------------------------===//
// By-value parameters
//===----------------------------------------------------------------------===//

static bool movingOverloadTakes(const CallExpr *Call, const Expr *Arg,
                                bool BuildsFromArgs);

/// True when a DeclRefExpr to Param is copied into a by-value destination:
/// the parameter is a sink, and moving it (the last-use rule) is the fix.
static bool
isCopiedSomewhere(const ParmVarDecl *Param, const Stmt *Body,
                  llvm::function_ref<bool(const FunctionDecl *)> BuildsFromArgs) {
  if (!Body)
    return false;
  // Handed on to a forwarding reference of a function that builds its
  // object from it (`std::make_shared<T>(param)`, `v.emplace_back(param)`):
  // a const reference keeps that copy; moving is the fix.
  if (const auto *Call = dyn_cast<CallExpr>(Body))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && BuildsFromArgs(Callee)) {
      unsigned Offset =
          isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(Call->getArg(I)->IgnoreParenImpCasts());
            Ref && Ref->getDecl() == Param &&
            isForwardingParameter(Callee, I - Offset))
          return true;
    }
  // Handed to a `const T&` overload that has a `T&&` twin (`push_back`,
  // `operator=`): the twin would take it moved.
  if (const auto *Call = dyn_cast<CallExpr>(Body))
    for (const Expr *Arg : Call->arguments())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreImplicit());
          Ref && Ref->getDecl() == Param &&
          movingOverloadTakes(Call, Ref, /*BuildsFromArgs=*/false))
        return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Body))
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyConstructor())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(
              Construct->getArg(0)->IgnoreImplicit());
          Ref && Ref->getDecl() == Param)
        return true;
  if (const auto *Return = dyn_cast<ReturnStmt>(Body))
    if (const Expr *Value = Return->getRetValue())
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Value->IgnoreImplicit());
          Ref && Ref->getDecl() == Param)
        return true; // Returned: moved out implicitly.
  return llvm::any_of(Body->children(), [&](const Stmt *Child) {
    return isCopiedSomewhere(Param, Child, BuildsFromArgs);
  });
}

/// True when the argument builds the parameter in place: a temporary, a
/// conversion (a lambda into a std::function, a literal into a string), or
/// a move. Passing by const reference would build the same object.
static bool buildsInPlace(const Expr *Arg) {
  if (const auto *Default = dyn_cast_or_null<CXXDefaultArgExpr>(Arg))
    Arg = Default->getExpr();
  if (!Arg)
    return false;
  const Expr *E = Arg->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return !Construct->getConstructor()->isCopyConstructor();
  return E->isPRValue();
}

/// Whether each of Calls, calls of FD, builds parameter Index in place; none
/// when no call is concrete. A call in a template's pattern whose argument
/// is dependent is judged by its instantiations, which Calls holds too.
static std::optional<bool>
buildInPlace(const SmallVectorImpl<const CallExpr *> *Calls,
             const FunctionDecl *FD, unsigned Index) {
  if (!Calls || Calls->empty())
    return std::nullopt;
  unsigned Concrete = 0;
  bool AllInPlace = llvm::all_of(*Calls, [&](const CallExpr *Call) {
    unsigned Offset =
        isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(FD) ? 1 : 0;
    if (Index + Offset >= Call->getNumArgs())
      return false;
    const Expr *Arg = Call->getArg(Index + Offset);
    if (Arg->isTypeDependent())
      return true;
    ++Concrete;
    return buildsInPlace(Arg);
  });
  if (!Concrete)
    return std::nullopt;
  return AllInPlace;
}

bool ExcessCopyCheck::buildsFromArguments(const FunctionDecl *Callee) {
  return isInsertingMethod(Callee) ||
         model().isAllocatingFunction(calls().nameOf(Callee));
}

/// True when a lambda's closure is converted to a function pointer
/// somewhere in the unit.
static bool isConvertedToPointer(const CXXRecordDecl *Closure) {
  return llvm::any_of(Closure->decls(), [](const Decl *D) {
    // A generic lambda converts through a conversion template.
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      return isa<CXXConversionDecl>(Template->getTemplatedDecl()) &&
             (Template->getTemplatedDecl()->isUsed() ||
              llvm::any_of(Template->specializations(),
                           [](const FunctionDecl *F) { return F->isUsed(); }));
    const auto *Conversion = dyn_cast<CXXConversionDecl>(D);
    return Conversion && Conversion->isUsed();
  });
}

/// The first dependent base of MD's class, when MD could override a member
/// of it: a non-static member function other than a constructor.
static const CXXBaseSpecifier *dependentBase(const CXXMethodDecl *MD) {
  if (MD->isStatic() || isa<CXXConstructorDecl>(MD) ||
      !MD->getParent()->hasDefinition())
    return nullptr;
  for (const CXXBaseSpecifier &Base : MD->getParent()->bases())
    if (Base.getType()->isDependentType())
      return &Base;
  return nullptr;
}

void ExcessCopyCheck::checkParameters(const FunctionDecl *FD, ASTContext &C) {
  if (!FD->hasBody() || FD->isDeleted() || FD->isDefaulted() || FD->isMain() ||
      FD->isExternC() || core::isCoroutine(FD) ||
      loops(C).isNamedOtherThanCalled(FD))
    return;
  // The signature of a virtual function is shared with every override: it
  // is reported, but not rewritten (an override elsewhere may modify its
  // copy).
  const CXXMethodDecl *Shared = nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    // A lambda converted to a function pointer has the pointer's parameter
    // types (a C callback's, most often): they are not the lambda's to
    // change.
    if (MD->getParent()->isLambda() && isConvertedToPointer(MD->getParent()))
      return;
    // In a class template, a member may override one of a dependent base
    // that only instantiation reveals: `override` says so, and so does any
    // such base, for the signature to keep overriding once instantiated.
    if (MD->isVirtual() || MD->size_overridden_methods() > 0 ||
        MD->hasAttr<OverrideAttr>() || MD->hasAttr<FinalAttr>() ||
        dependentBase(MD))
      Shared = MD;
  }
  const SourceManager &SM = C.getSourceManager();
  auto Code = core::functionCode(FD);
  auto BuildsFromArgs = [&](const FunctionDecl *Callee) {
    return buildsFromArguments(Callee);
  };
  for (const ParmVarDecl *Param : FD->parameters()) {
    QualType T = Param->getType();
    if (T->isReferenceType())
      continue;
    if (T->isDependentType()) {
      checkTemplateParameter(FD, Param, C);
      continue;
    }
    std::optional<double> Cost = copies(C).costNs(T);
    if (!Cost || !isOnlyRead(Param, FD, C))
      continue;
    // A sink: moving it on is the fix (the last-use rule), unless a move of
    // T copies too (it has no move constructor): then the caller's copy is
    // the one a const reference saves.
    bool CopiedOnward = llvm::any_of(Code, [&](const Stmt *S) {
      return isCopiedSomewhere(Param, S, BuildsFromArgs);
    });
    if (CopiedOnward && copies(C).moveSavingNs(T))
      continue;
    // Every call building the argument in place (a lambda into a
    // std::function): a const reference would build the same object. All
    // calls of a file-local function are here; of any other, only this
    // unit's, so it is only less sure, and the driver weighs them with the
    // other units' (a unit that includes the header and calls nothing
    // knows nothing of the arguments).
    std::optional<bool> Arguments = buildInPlace(
        loops(C).callsInUnit(FD), FD, Param->getFunctionScopeIndex());
    bool InPlace = Arguments.value_or(false);
    bool EveryCall = loops(C).everyCallOf(FD);
    if (InPlace && EveryCall)
      continue;
    if (Arguments && !EveryCall) {
      SourceLocation FileLoc = SM.getFileLoc(Param->getLocation());
      noteParameterArguments(
          {core::SourcePoint{SM.getFilename(FileLoc).str(),
                             SM.getFileOffset(FileLoc)},
           InPlace});
    }
    core::Impact I = core::estimateImpact(core::CostKind::Copy, *Cost, 1);
    if (InPlace)
      I.Certainty = core::Confidence::Low;
    if (Shared)
      I.Certainty = core::lowered(I.Certainty);
    if (!meetsMinimum(I))
      continue;

    // Every declaration of the function changes together, or none does: one
    // in another file (a header other translation units include) or one
    // whose type cannot be rewritten (spelled through a macro) is left to
    // the user, with a note, as rewriting only the others would declare an
    // overload.
    unsigned Index = Param->getFunctionScopeIndex();
    std::vector<FixItHint> Fixes;
    const ParmVarDecl *Elsewhere = nullptr, *Unfixable = nullptr;
    FileID Main = SM.getFileID(SM.getExpansionLoc(FD->getLocation()));
    for (const FunctionDecl *Redecl : FD->redecls()) {
      // Only a declaration that failed to compile lacks the parameter.
      if (Index >= Redecl->getNumParams())
        continue;
      const ParmVarDecl *P = Redecl->getParamDecl(Index);
      if (SM.getFileID(SM.getExpansionLoc(Redecl->getLocation())) != Main) {
        Elsewhere = P;
        continue;
      }
      if (std::optional<FixItHint> Fix = parameterToConstReference(P, SM))
        Fixes.push_back(*Fix);
      else if (!Unfixable)
        Unfixable = P;
    }
    std::string Spelled = copies(C).spell(T);
    std::string Named =
        Param->getIdentifier()
            ? "parameter '" + Param->getName().str() + "'"
            : "unnamed parameter " + std::to_string(Index + 1);
    std::string Message =
        Named + " (" + Spelled +
        (CopiedOnward ? ") is copied on every call, then copied again: "
                        "moving it would copy as well; pass it by const "
                        "reference"
         : Param->getIdentifier()
             ? ") is copied on every call but only read: pass it by const "
               "reference"
             : ") is copied on every call but never used: pass it by const "
               "reference");
    SourceLocation At = Param->getIdentifier() ? Param->getLocation()
                                               : Param->getBeginLoc();
    // An explicit specialization's parameters are the template's with its
    // arguments substituted: changed alone, it specializes nothing; the
    // template's change reaches every other instantiation.
    const FunctionDecl *Template =
        FD->getTemplateSpecializationKind() == TSK_ExplicitSpecialization
            ? FD->getTemplateInstantiationPattern(/*ForDefinition=*/false)
            : nullptr;
    {
      DiagnosticBuilder D = report(At, Message, I, SM);
      if (!Elsewhere && !Unfixable && !Shared && !Template)
        for (const FixItHint &Fix : Fixes)
          D << Fix;
    }
    std::string ConstReference = "'const " + Spelled + " &'";
    if (Shared) {
      const CXXMethodDecl *Base = Shared->size_overridden_methods() > 0
                                      ? *Shared->begin_overridden_methods()
                                      : nullptr;
      const CXXBaseSpecifier *Dependent = dependentBase(Shared);
      std::string Name = "'" + Shared->getNameAsString() + "'";
      note(At, (Base ? Name + " overrides '" +
                           Base->getQualifiedNameAsString() + "'"
                : Dependent
                    ? Name + " may override a member of the dependent base '" +
                          Dependent->getType().getAsString(
                              C.getPrintingPolicy()) +
                          "'"
                    : Name + " is virtual") +
                   ": change the parameter to " + ConstReference +
                   " in the base and every override together");
    } else if (Template)
      note(At, "'" + FD->getNameAsString() +
                   "' is an explicit specialization: its parameter types "
                   "are the template's; change the parameter to " +
                   ConstReference + " here and in the template together");
    else if (Elsewhere)
      note(Elsewhere->getBeginLoc(), "declared in another file here: change "
                                     "both declarations to " + ConstReference);
    else if (Unfixable)
      note(Unfixable->getLocation(),
           "declared here with a type that cannot be rewritten in place (a "
           "macro, a declarator): change every declaration to " +
               ConstReference);
  }
}

/// The instantiations in this unit of Pattern, a member function of a class
/// template (`template <class T> struct Queue { void push(T item); }`): the
/// members of its class's specializations instantiated from it.
static void
memberInstantiations(const FunctionDecl *Pattern,
                     llvm::SmallVectorImpl<const FunctionDecl *> &Found) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Pattern);
  const ClassTemplateDecl *Class =
      Method ? Method->getParent()->getDescribedClassTemplate() : nullptr;
  if (!Class)
    return;
  for (const ClassTemplateSpecializationDecl *Spec : Class->specializations())
    for (const CXXMethodDecl *Member : Spec->methods())
      if (const FunctionDecl *From = Member->getInstantiatedFromMemberFunction();
          From && From->getCanonicalDecl() == Pattern->getCanonicalDecl())
        Found.push_back(Member);
}

void ExcessCopyCheck::checkTemplateParameter(const FunctionDecl *Pattern,
                                             const ParmVarDecl *Param,
                                             ASTContext &C) {
  // The pattern's code is not typed yet: its instantiations in this unit
  // say what the parameter holds and what is done with it. A pack expands
  // to a number of parameters of its own in each.
  if (!Param->getIdentifier() ||
      llvm::any_of(Pattern->parameters(),
                   [](const ParmVarDecl *P) { return P->isParameterPack(); }))
    return;
  llvm::SmallVector<const FunctionDecl *, 8> Specializations;
  templateInstantiations(Pattern, Specializations);
  if (Specializations.empty())
    return;
  unsigned Index = Param->getFunctionScopeIndex();
  auto BuildsFromArgs = [&](const FunctionDecl *Callee) {
    return buildsFromArguments(Callee);
  };
  std::optional<double> Worst;
  std::string Example;
  unsigned Costly = 0, Instantiations = 0;
  for (const FunctionDecl *Spec : Specializations) {
    // An explicit specialization is code of its own, checked on its own.
    if (Spec->getTemplateSpecializationKind() == TSK_ExplicitSpecialization ||
        !Spec->hasBody() || Index >= Spec->getNumParams())
      continue;
    const ParmVarDecl *P = Spec->getParamDecl(Index);
    QualType Type = P->getType();
    if (Type->isReferenceType())
      continue;
    ++Instantiations;
    std::optional<double> Cost = copies(C).costNs(Type);
    if (!Cost)
      continue;
    // One instantiation that changes its copy, or sinks it, needs it.
    if (!isOnlyRead(P, Spec, C))
      return;
    if (llvm::any_of(core::functionCode(Spec),
                     [&](const Stmt *S) {
                       return isCopiedSomewhere(P, S, BuildsFromArgs);
                     }) &&
        copies(C).moveSavingNs(Type))
      return;
    ++Costly;
    if (!Worst || *Cost > *Worst) {
      Worst = Cost;
      Example = copies(C).spell(Type.getUnqualifiedType());
    }
  }
  if (!Worst)
    return;
  core::Impact I = core::estimateImpact(core::CostKind::Copy, *Worst, 1);
  if (!meetsMinimum(I))
    return;
  const SourceManager &SM = C.getSourceManager();
  TypeLoc Loc = Param->getTypeSourceInfo()->getTypeLoc();
  // From the declaration's start, to keep qualifiers before the type.
  StringRef Spelled = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Param->getBeginLoc(), Loc.getEndLoc()),
      SM, getLangOpts());
  std::string Written = Spelled.empty() ? Param->getType().getAsString()
                                        : Spelled.trim().str();
  std::string Message =
      "parameter '" + Param->getName().str() + "' (" + Written + ", " +
      Example +
      instantiatedIn(Costly, Instantiations) +
      ") is copied on every call but only read: pass it by const reference";
  report(Param->getLocation(), Message, I, SM);
  const auto *Method = dyn_cast<CXXMethodDecl>(Pattern);
  std::string Where =
      Method && Method->getParent()->isLambda()
          ? std::string("in a generic lambda, change it to a const reference "
                        "by hand")
          : "in a template, change it to a const reference by hand, with "
            "every declaration and explicit specialization of '" +
                Pattern->getNameAsString() + "'";
  note(Param->getLocation(),
       Where + ": no fix-it is offered, as this unit sees only its own "
               "instantiations");
}

/// The fix that makes by-value parameter P a const reference, named or not;
/// none when its type is not written in plain text.
std::optional<FixItHint>
ExcessCopyCheck::parameterToConstReference(const ParmVarDecl *P,
                                           const SourceManager &SM) const {
  if (P->getIdentifier())
    return toConstReference(P, false, SM, getLangOpts());
  SourceRange Type = P->getSourceRange();
  StringRef Text = Lexer::getSourceText(CharSourceRange::getTokenRange(Type),
                                        SM, getLangOpts());
  if (Type.getBegin().isMacroID() || Type.getEnd().isMacroID() || Text.empty())
    return std::nullopt;
  return FixItHint::CreateReplacement(CharSourceRange::getTokenRange(Type),
                                      constReference(Text.trim(), false));
}

//===----------------------------------------------------------------------===//
// Locals copied from a const reference
//===----------------------------------------------------------------------===//

/// What a copied expression refers to, and whether that outlives any local
/// of the function: a reference parameter, or a member reached through one
/// or through `this` in a const method (neither can change through them).
static bool outlivesFunctionLocals(const Expr *Source, const FunctionDecl *FD) {
  Source = Source->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Source))
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl()))
      return Param->getType()->isReferenceType() &&
             Param->getType().getNonReferenceType().isConstQualified();
  if (isa<CXXThisExpr>(Source)) {
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD);
    return MD && MD->isConst();
  }
  if (const auto *Member = dyn_cast<MemberExpr>(Source))
    return outlivesFunctionLocals(Member->getBase(), FD);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Source)) {
    // A getter returning a const reference into its object. A call through
    // a pointer to member (`(obj.*get)()`) has no method declaration.
    const CXXMethodDecl *MD = Call->getMethodDecl();
    if (!MD)
      return false;
    QualType Returned = MD->getReturnType();
    return Returned->isLValueReferenceType() &&
           Returned.getNonReferenceType().isConstQualified() &&
           outlivesFunctionLocals(Call->getImplicitObjectArgument(), FD);
  }
  return false;
}

/// True when the copied object is a const reference, or reached through one:
/// a copy only to read it is avoidable.
static bool isConstSource(const Expr *Source) {
  Source = Source->IgnoreParenImpCasts();
  QualType T = Source->getType();
  if (T.isConstQualified())
    return true;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Source))
    return Ref->getDecl()->getType()->isReferenceType() &&
           Ref->getDecl()->getType().getNonReferenceType().isConstQualified();
  // A const member returning a reference (`reference at(size_t) const` of a
  // view or a handle) reads what the object refers to, as a getter does.
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Source))
    if (const CXXMethodDecl *Method = Call->getMethodDecl())
      return Method->isConst() &&
             Method->getReturnType()->isLValueReferenceType();
  return false;
}

/// The locals and parameters a getter chain starts from: `sql` in
/// `sql.get_logger()`, `a` in `a.b.items()`, and through a local reference,
/// pointer or range-for element to what it refers to (`Orig` for `Ref` in
/// `const auto &Ref = Orig;`, for `P->get()` after `auto *P = &Orig;` or
/// `auto P = Orig.ptr();`, for `Element` in `for (const auto &Element :
/// Orig)`).
static void rootObjects(const Expr *Source,
                        llvm::SmallVectorImpl<const VarDecl *> &Roots,
                        unsigned Depth = 0) {
  if (!Source || Depth > 8)
    return;
  Source = Source->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Source)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || llvm::is_contained(Roots, Var))
      return;
    Roots.push_back(Var);
    QualType Type = Var->getType();
    if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        (Type->isReferenceType() || Type->isPointerType() ||
         Var->isImplicit() || Var->isCXXForRangeDecl()))
      rootObjects(Var->getInit(), Roots, Depth + 1);
    return;
  }
  if (const auto *Member = dyn_cast<MemberExpr>(Source))
    return rootObjects(Member->getBase(), Roots, Depth + 1);
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Source))
    return rootObjects(Call->getImplicitObjectArgument(), Roots, Depth + 1);
  // `*it`, `it->m`, `v[i]` of a class: what the iterator or the container
  // refers to.
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Source);
      Operator && Operator->getNumArgs() > 0 &&
      isa<CXXMethodDecl>(Operator->getDirectCallee()))
    return rootObjects(Operator->getArg(0), Roots, Depth + 1);
  if (const auto *Unary = dyn_cast<UnaryOperator>(Source);
      Unary && (Unary->getOpcode() == UO_Deref ||
                Unary->getOpcode() == UO_AddrOf))
    return rootObjects(Unary->getSubExpr(), Roots, Depth + 1);
}

/// The local or by-value parameter of FD that Source names, directly or
/// through members (`orig`, `request.headers`), when FD never changes it,
/// moves from it or lets anything else reach it (no reference bound, no
/// address taken, no capture by reference): a const reference to it sees
/// what a copy would hold, for as long as a local declared in its scope
/// lives.
static const VarDecl *unchangedLocalSource(const Expr *Source,
                                           const FunctionDecl *FD,
                                           ASTContext &C) {
  Source = Source->IgnoreParenImpCasts();
  while (const auto *Member = dyn_cast<MemberExpr>(Source)) {
    if (Member->isArrow() || !isa<FieldDecl>(Member->getMemberDecl()))
      return nullptr;
    Source = Member->getBase()->IgnoreParenImpCasts();
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Source);
  const auto *Original = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Original || !Original->hasLocalStorage() ||
      Original->getType()->isReferenceType() ||
      Original->getDeclContext() != FD || !FD->getBody())
    return nullptr;
  if (!core::isOnlyRead(Original, FD, C) || core::isAliased(Original, FD))
    return nullptr;
  return Original;
}

/// True when FD returns Local by value: the copy becomes the return value
/// (the copy is elided into it), and a reference would copy there instead.
static bool isReturned(const VarDecl *Local, const FunctionDecl *FD,
                       ASTContext &C) {
  return !match(findAll(returnStmt(hasReturnValue(ignoringParenImpCasts(
                    declRefExpr(to(varDecl(equalsNode(Local)))))))),
                *FD->getBody(), C)
              .empty();
}

static bool isCopiedOnLastUse(const VarDecl *Var, const FunctionDecl *FD,
                              core::LoopModel &Loops, ASTContext &C);

void ExcessCopyCheck::checkLocal(const VarDecl *Local, ASTContext &C) {
  if (Local->getType()->isReferenceType() || Local->getType()->isDependentType() ||
      isa<DecompositionDecl>(Local) || Local->isStaticLocal())
    return;
  // Range-for variables are checked with their loop.
  core::LoopModel &Loops = loops(C);
  DynTypedNodeList Parents = C.getParents(*Local);
  const auto *Declaration = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
  if (!Declaration)
    return;
  if (const auto *Range = C.getParents(*Declaration).empty()
                              ? nullptr
                              : C.getParents(*Declaration)[0].get<CXXForRangeStmt>())
    if (Range->getLoopVarStmt() == Declaration)
      return;
  const CXXConstructExpr *Copy = copyInitializer(Local);
  if (!Copy || !Copy->getConstructor()->isCopyConstructor())
    return;
  // A copy constructor given more than its source does something else
  // (`Widget(const Widget &, bool deep = true)` called with `false`).
  if (llvm::any_of(llvm::drop_begin(Copy->arguments()),
                   [](const Expr *Arg) { return !isa<CXXDefaultArgExpr>(Arg); }))
    return;
  const Expr *Source = Copy->getArg(0);
  std::optional<double> Cost = copies(C).costNs(Local->getType());
  const FunctionDecl *FD = Loops.enclosingFunction(Declaration);
  if (!Cost || !FD || !FD->getBody() || !isOnlyRead(Local, FD, C) ||
      isReturned(Local, FD, C))
    return;
  // Where the last-use rule moves instead (the copy is of the original's
  // last use, or is copied on at its own), this finding would contradict
  // it; a type whose move saves nothing gets no move, and this finding.
  bool Moves = copies(C).moveSavingNs(Local->getType().getUnqualifiedType())
                   .has_value();
  const VarDecl *Original = nullptr;
  if (!isConstSource(Source)) {
    Original = unchangedLocalSource(Source, FD, C);
    const auto *SourceRef = dyn_cast<DeclRefExpr>(Source->IgnoreParenImpCasts());
    if (!Original ||
        (Moves && SourceRef &&
         core::isLastUse(SourceRef, Declaration, FD, Loops, C)))
      return;
  }
  // A const local cannot be moved on: a reference saves this copy, and the
  // one there copies from the source.
  if (Moves && !Local->getType().isConstQualified() &&
      isCopiedOnLastUse(Local, FD, Loops, C))
    return;

  const SourceManager &SM = C.getSourceManager();
  double Executions = Loops.executionsPerCall(Declaration);
  core::Impact I = core::estimateImpact(core::CostKind::Copy, *Cost, Executions);
  I.Certainty = Loops.confidence(Declaration);
  if (!meetsMinimum(I))
    return;
  bool Provable = (Original || outlivesFunctionLocals(Source, FD)) &&
                  Declaration->isSingleDecl();
  llvm::SmallVector<const VarDecl *, 4> Roots;
  rootObjects(Source, Roots);
  if (!Provable && !Original && llvm::any_of(Roots, [&](const VarDecl *Root) {
        return core::isChangedAfter(Root, Declaration, FD, C);
      }))
    return; // The copy keeps a value the object is about to lose.
  std::string Head = "local '" + Local->getName().str() + "'";
  std::string Tail = " copies ";
  if (Original)
    Tail += "'" + Original->getName().str() +
            "', which is not modified either, but is only read";
  else
    Tail += "a const reference but is only read";
  if (Executions > 1)
    Tail += ": ~" + core::formatCount(Executions) + " copies per call" +
            assumption(Declaration, C);
  if (Collecting) {
    *Collecting = InstanceCopy{
        I, Head, copies(C).spell(Local->getType().getCanonicalType()), Tail};
    return;
  }
  std::string Message =
      Head + " (" + copies(C).spell(Local->getType()) + ")" + Tail;
  {
    DiagnosticBuilder D = report(Local->getLocation(), Message, I, SM);
    if (Provable)
      if (std::optional<FixItHint> Fix =
              toConstReference(Local, false, SM, getLangOpts()))
        D << *Fix;
  }
  if (!Provable)
    note(Local->getLocation(),
         "if what it copies is not modified or destroyed while '" +
             Local->getName().str() + "' is used, bind a const reference instead");
}

//===----------------------------------------------------------------------===//
// Copies on a last use
//===----------------------------------------------------------------------===//

/// True when the callee's parameter Index has an rvalue twin: an overload
/// with `T&&` at the same position (push_back, insert, operator=), or it is
/// a forwarding reference deduced as an lvalue (emplace_back).
static bool hasMovingOverload(const FunctionDecl *Callee, unsigned Index,
                              bool BuildsFromArgs) {
  if (Index >= Callee->getNumParams())
    return false;
  QualType Param = Callee->getParamDecl(Index)->getType();
  // A forwarding function that builds from its arguments (emplace_back,
  // make_shared) copies what it is given as an lvalue; std::move,
  // std::forward and std::invoke do not.
  if (BuildsFromArgs && isForwardingParameter(Callee, Index))
    return true;
  if (!Param->isLValueReferenceType() ||
      !Param.getNonReferenceType().isConstQualified())
    return false;
  QualType Value = Param.getNonReferenceType().getUnqualifiedType().getCanonicalType();
  const DeclContext *Scope = Callee->getDeclContext();
  for (const NamedDecl *Candidate : Scope->lookup(Callee->getDeclName())) {
    const auto *Other = dyn_cast<FunctionDecl>(Candidate);
    // A member template of a class template specialization (`try_emplace(
    // key_type &&, Args &&...)`) has its class's types substituted: its
    // parameters before the pack compare like a plain overload's.
    bool Variadic = false;
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Candidate)) {
      if (Template == Callee->getPrimaryTemplate())
        continue;
      Other = Template->getTemplatedDecl();
      Variadic = Other && Other->getNumParams() > 0 &&
                 Other->parameters().back()->isParameterPack();
    }
    if (!Other || Other == Callee ||
        (Variadic ? Index + 1 >= Other->getNumParams()
                  : Other->getNumParams() != Callee->getNumParams()))
      continue;
    QualType OtherParam = Other->getParamDecl(Index)->getType();
    if (OtherParam->isRValueReferenceType() &&
        OtherParam.getNonReferenceType().getUnqualifiedType().getCanonicalType() ==
            Value)
      return true;
  }
  return false;
}

/// True when Callee hands its parameter Index back (`const std::string &
/// to_utf8string(const std::string &s) { return s; }`): the call copies
/// nothing, whatever it is given.
static bool returnsParameter(const FunctionDecl *Callee, unsigned Index) {
  const FunctionDecl *Definition = nullptr;
  if (!Callee->getReturnType()->isReferenceType() ||
      Index >= Callee->getNumParams() || !Callee->hasBody(Definition))
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  const auto *Return =
      Body && Body->size() == 1 ? dyn_cast<ReturnStmt>(Body->body_front())
                                : nullptr;
  const auto *Ref =
      Return && Return->getRetValue()
          ? dyn_cast<DeclRefExpr>(Return->getRetValue()->IgnoreParenImpCasts())
          : nullptr;
  return Ref && Ref->getDecl() == Definition->getParamDecl(Index);
}

/// The full expression that contains E.
static const Stmt *fullExpression(const Expr *E, ASTContext &Ctx) {
  const Stmt *Current = E;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Current);
    if (Parents.empty())
      return Current;
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent)
      return Current;
    Current = Parent;
  }
}

static bool mentions(const Stmt *S, const ValueDecl *Var, const Stmt *Except) {
  if (!S)
    return false;
  if (S != Except)
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == Var && !Ref->refersToEnclosingVariableOrCapture())
      return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return mentions(Child, Var, Except);
  });
}

/// True when Call inserts into a local container that the function starts
/// empty (`std::map<K, V> results;`): it holds only what the function put
/// in, so a key is new unless the input repeats it. A member, a parameter
/// or anything reached through a pointer may hold the key already.
static bool isBuiltFromEmpty(const CallExpr *Call) {
  const Expr *Object = nullptr;
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call))
    Object = Operator->getNumArgs() > 0 ? Operator->getArg(0) : nullptr;
  else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    Object = Member->getImplicitObjectArgument();
  const auto *Ref =
      Object ? dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  const auto *Container = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Container && Container->isLocalVarDecl() &&
         !Container->isStaticLocal() &&
         !Container->getType()->isReferenceType() &&
         core::startsEmpty(Container);
}

/// True when Arg is an argument of Call that a `T&&` overload of its callee
/// would take instead (`v.push_back(x)`, or a forwarding reference of a
/// callee that BuildsFromArgs): a move would save its copy (not when the
/// `const T&` overload only hands its parameter back).
static bool movingOverloadTakes(const CallExpr *Call, const Expr *Arg,
                                bool BuildsFromArgs) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = Offset; I < Call->getNumArgs(); ++I)
    if (Call->getArg(I)->IgnoreImplicit() == Arg)
      return hasMovingOverload(Callee, I - Offset, BuildsFromArgs) &&
             !returnsParameter(Callee, I - Offset);
  return false;
}

/// True when Var, on its last use in FD, is copied (`sink(var)` into a
/// by-value parameter, `v.push_back(var)`): moving it there is the fix, and
/// a reference to what it copies would be copied there again, so a finding
/// that binds Var to a reference would contradict that move.
static bool isCopiedOnLastUse(const VarDecl *Var, const FunctionDecl *FD,
                              core::LoopModel &Loops, ASTContext &C) {
  for (const Stmt *Code : core::functionCode(FD))
    for (const BoundNodes &Use :
         match(findAll(declRefExpr(to(varDecl(equalsNode(Var)))).bind("use")),
               *Code, C)) {
      const auto *Ref = Use.getNodeAs<DeclRefExpr>("use");
      DynTypedNode Node = DynTypedNode::create(*Ref);
      DynTypedNodeList Parents = C.getParents(Node);
      while (!Parents.empty() && Parents[0].get<ImplicitCastExpr>())
        Parents = C.getParents(Parents[0]);
      if (Parents.empty())
        continue;
      bool Copied = false;
      if (const auto *Construct = Parents[0].get<CXXConstructExpr>())
        Copied = Construct->getConstructor()->isCopyConstructor();
      else if (const auto *Call = Parents[0].get<CallExpr>())
        Copied = movingOverloadTakes(Call, Ref, /*BuildsFromArgs=*/false);
      if (Copied && core::isLastUse(Ref, Ref, FD, Loops, C))
        return true;
    }
  return false;
}

void ExcessCopyCheck::checkLastUse(const DeclRefExpr *Ref, const Expr *Copy,
                                   ASTContext &C) {
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  // A by-copy capture's initializer refers to the enclosing variable; any
  // other reference to it from inside a lambda is not this function's use.
  DynTypedNodeList CopyParents = C.getParents(*Copy);
  const auto *Lambda =
      CopyParents.empty() ? nullptr : CopyParents[0].get<LambdaExpr>();
  if (!Var || !Copy || (Ref->refersToEnclosingVariableOrCapture() && !Lambda) ||
      isa<DecompositionDecl>(Var) || Var->getType()->isReferenceType() ||
      Var->getType().isConstQualified() || Var->getType()->isDependentType() ||
      Ref->getBeginLoc().isMacroID())
    return;
  // A call: only an argument bound to `const T&` beside a `T&&` overload.
  bool OnlyIfAbsent = false;
  if (const auto *Call = dyn_cast<CallExpr>(Copy)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return;
    OnlyIfAbsent = model().isInsertingIfAbsent(calls().nameOf(Callee)) &&
                   !isBuiltFromEmpty(Call);
    if (!movingOverloadTakes(Call, Ref, buildsFromArguments(Callee)))
      return;
  }
  // Before C++14 a lambda cannot move into its capture.
  if (Lambda && !getLangOpts().CPlusPlus14)
    return;
  core::LoopModel &Loops = loops(C);
  const Stmt *Site = Lambda ? static_cast<const Stmt *>(Lambda) : Ref;
  const FunctionDecl *FD = Loops.enclosingFunction(Site);
  if (!FD || !FD->getBody() || Var->getParentFunctionOrMethod() != FD)
    return;
  // The cost is what the move saves: moving a `pair<const string, int>`
  // still copies the key.
  std::optional<double> Cost = copies(C).moveSavingNs(Var->getType());
  if ((!Cost && !Collecting) || core::isAliased(Var, FD) ||
      !core::isLastUse(Ref, Site, FD, Loops, C) ||
      mentions(fullExpression(Ref, C), Var, Ref))
    return;
  // An instantiation whose move saves nothing still takes the move: it
  // counts for the fix-it being right in every instantiation.
  if (!Cost) {
    if (!Lambda)
      *Collecting = InstanceCopy{{}, "", "", "", /*Saves=*/false};
    return;
  }
  // A struct whose strings were never given anything copies no buffers.
  if (std::optional<SmallVector<const FieldDecl *, 4>> Filled =
          core::fieldsFilledBefore(Var, Site, FD, Loops, C)) {
    Cost = copies(C).moveSavingNs(Var->getType(), *Filled);
    if (!Cost)
      return;
  }
  // A string given only short literals lives in its small buffer.
  if (const CXXRecordDecl *RD = Var->getType()->getAsCXXRecordDecl();
      RD && RD->hasDefinition())
    if (const core::OwningTypeModel *Owning =
            model().owningType(calls().nameOf(RD->getDefinition()));
        Owning && Owning->Characters &&
        core::holdsOnlyShortLiterals(
            Var, Site, FD, static_cast<unsigned>(core::SmallStringCapacity), C))
      return;

  const SourceManager &SM = C.getSourceManager();
  double Executions = Loops.executionsPerCall(Site);
  core::Impact I = core::estimateImpact(core::CostKind::Copy, *Cost, Executions);
  I.Certainty = Loops.confidence(Site);
  // `m[key]` copies the key only when it is new: whether the move saves
  // anything depends on what the container holds, which the code does not
  // say (an index of existing elements, a cache that is mostly hit).
  if (OnlyIfAbsent)
    I.Certainty = core::Confidence::Low;
  if (!meetsMinimum(I))
    return;
  std::string Name = Var->getName().str();
  std::string Tail = " is copied on its last use: move it instead";
  if (Executions > 1)
    Tail += ", ~" + core::formatCount(Executions) + " copies per call" +
            assumption(Site, C);
  if (OnlyIfAbsent)
    Tail += " (a copy only when the key is new)";
  if (Collecting) {
    // A capture's init-capture is not offered in a template.
    if (!Lambda)
      *Collecting = InstanceCopy{
          I, "'" + Name + "'",
          copies(C).spell(Var->getType().getCanonicalType()), Tail};
    return;
  }
  LastUsesReported.insert(Ref->getBeginLoc().getRawEncoding());
  std::string Message =
      "'" + Name + "' (" + copies(C).spell(Var->getType()) + ")" + Tail;

  // A lambda capture becomes an init-capture; anything else is wrapped.
  DiagnosticBuilder D = report(Ref->getBeginLoc(), Message, I, SM);
  if (Lambda) {
    for (const LambdaCapture &Capture : Lambda->explicit_captures())
      if (Capture.capturesVariable() && Capture.getCapturedVar() == Var &&
          Capture.getCaptureKind() == LCK_ByCopy &&
          !Capture.getLocation().isMacroID())
        D << FixItHint::CreateInsertion(
                 Lexer::getLocForEndOfToken(Capture.getLocation(), 0, SM,
                                            getLangOpts()),
                 " = std::move(" + Name + ")");
  } else {
    D << FixItHint::CreateInsertion(Ref->getBeginLoc(), "std::move(")
      << FixItHint::CreateInsertion(
             Lexer::getLocForEndOfToken(Ref->getEndLoc(), 0, SM, getLangOpts()),
             ")");
  }
  if (std::optional<FixItHint> Include = Inserter.createIncludeInsertion(
          SM.getFileID(SM.getExpansionLoc(Ref->getBeginLoc())), "<utility>"))
    D << *Include;
}

//===----------------------------------------------------------------------===//
// Moves of const objects
//===----------------------------------------------------------------------===//

/// What Move's value is used by, past the conversions and temporaries
/// between them.
static const Stmt *moveUser(const CallExpr *Move, ASTContext &C) {
  DynTypedNode Node = DynTypedNode::create(*Move);
  while (true) {
    DynTypedNodeList Parents = C.getParents(Node);
    if (Parents.empty())
      return nullptr;
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent || !isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr>(
                       Parent))
      return Parent;
    Node = Parents[0];
  }
}

/// The special member that copies from Move's value where it is used: the
/// copy constructor or copy assignment, which is all an rvalue of a const
/// type, or of a type without a move, binds to. Null for anything else.
static const CXXMethodDecl *copyingMember(const CallExpr *Move,
                                          ASTContext &C) {
  const Stmt *Parent = moveUser(Move, C);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Parent))
    return Construct->getConstructor()->isCopyConstructor()
               ? Construct->getConstructor()
               : nullptr;
  if (const auto *Operator = dyn_cast_or_null<CXXOperatorCallExpr>(Parent))
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee());
        Method && Method->isCopyAssignmentOperator() &&
        Operator->getNumArgs() == 2 &&
        Operator->getArg(1)->IgnoreImplicit() == Move)
      return Method;
  return nullptr;
}

/// True when the value of Move (a `std::move(x)` of a const object) is
/// copied where it is used: it constructs an object or is assigned with the
/// copy constructor or copy assignment (a `const T&&` binds only to those),
/// or is an argument that a `T&&` overload would have taken
/// (`v.push_back(std::move(x))` calls `push_back(const T&)`).
static bool isCopiedFrom(const CallExpr *Move, ASTContext &C) {
  if (copyingMember(Move, C))
    return true;
  if (const auto *Call = dyn_cast_or_null<CallExpr>(moveUser(Move, C)))
    return movingOverloadTakes(Call, Move, /*BuildsFromArgs=*/false);
  return false;
}

std::optional<core::Impact>
ExcessCopyCheck::moveImpact(const CallExpr *Move, double CostNs,
                            ASTContext &C) {
  core::LoopModel &Loops = loops(C);
  core::Impact I = core::estimateImpact(core::CostKind::Copy, CostNs,
                                        Loops.executionsPerCall(Move));
  I.Certainty = Loops.confidence(Move);
  if (!meetsMinimum(I))
    return std::nullopt;
  return I;
}

std::string ExcessCopyCheck::copiesPerCall(const CallExpr *Move,
                                           const core::Impact &I,
                                           ASTContext &C) {
  if (I.ExecutionsPerCall <= 1)
    return "";
  return ", ~" + core::formatCount(I.ExecutionsPerCall) + " copies per call" +
         assumption(Move, C);
}

void ExcessCopyCheck::checkConstMove(const CallExpr *Move, ASTContext &C) {
  const Expr *Arg = Move->getArg(0)->IgnoreParenImpCasts();
  QualType Type = Arg->getType();
  if (Type->isDependentType() || Move->getBeginLoc().isMacroID())
    return;
  if (Type->isObjectType() && !Type->isIncompleteType() &&
      Type.isTriviallyCopyableType(C))
    return checkTrivialMove(Move, C);
  if (!Type.isConstQualified())
    return checkUnmovableMove(Move, C);
  if (!isCopiedFrom(Move, C))
    return;
  std::optional<double> Cost = copies(C).costNs(Type.getUnqualifiedType());
  std::optional<core::Impact> I =
      Cost ? moveImpact(Move, *Cost, C) : std::nullopt;
  if (!I)
    return;
  core::LoopModel &Loops = loops(C);

  // Why it is const, and what would let it move.
  std::string Why = "it is const";
  const NamedDecl *Declared = nullptr;
  std::string Advice;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      Declared = Var;
      if (isa<ParmVarDecl>(Var) && Var->getType()->isLValueReferenceType()) {
        Why = "it is a const reference";
        Advice = "take '" + Var->getName().str() +
                 "' by value to move from it";
      } else if (!Var->getType()->isReferenceType()) {
        Why = "it is declared const";
        Advice = "drop the const from '" + Var->getName().str() +
                 "' to move from it";
      }
    }
  if (const auto *Member = dyn_cast<MemberExpr>(Arg))
    if (isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      Why = "it is a member read in a const member function";

  const SourceManager &SM = C.getSourceManager();
  std::string Message = "'" + Loops.spelling(Arg) + "' (" +
                        copies(C).spell(Type.getUnqualifiedType()) +
                        ") is copied, not moved: " + Why;
  Message += copiesPerCall(Move, *I, C);
  report(Move->getBeginLoc(), Message, *I, SM);
  if (Declared && !Advice.empty())
    note(Declared->getLocation(), Advice);
}

/// True when Move's value is copied where it is used: read into a scalar
/// (an lvalue-to-rvalue conversion) or given to a copy or move constructor.
/// A reference parameter that binds it copies nothing.
static bool isValueCopied(const CallExpr *Move, ASTContext &C) {
  DynTypedNode Node = DynTypedNode::create(*Move);
  while (true) {
    DynTypedNodeList Parents = C.getParents(Node);
    if (Parents.empty())
      return false;
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Parent)) {
      if (Cast->getCastKind() == CK_LValueToRValue)
        return true;
      if (Cast->getCastKind() != CK_NoOp)
        return false;
    } else if (const auto *Construct =
                   dyn_cast_or_null<CXXConstructExpr>(Parent)) {
      return Construct->getConstructor()->isCopyOrMoveConstructor();
    } else if (!isa_and_nonnull<ParenExpr, MaterializeTemporaryExpr>(Parent)) {
      return false;
    }
    Node = Parents[0];
  }
}

/// True when an lvalue of Type is copied as its rvalue is: a scalar, or a
/// class whose copy constructor is there and trivial (a trivially copyable
/// class may delete its copy and keep a trivial move).
static bool copiesAsItMoves(QualType Type) {
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class)
    return Type->isScalarType();
  if (!Class->hasDefinition() || !Class->hasTrivialCopyConstructor())
    return false;
  if (Class->needsImplicitCopyConstructor())
    return !Class->defaultedCopyConstructorIsDeleted();
  return llvm::any_of(Class->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->isCopyConstructor() && !Ctor->isDeleted() &&
           Ctor->getParamDecl(0)->getType().getNonReferenceType().isConstQualified();
  });
}

/// True for an expression that parses as a postfix expression (a name, a
/// member, a subscript, a call) or a primary one: it needs no parentheses
/// where a call stood.
static bool isPostfixExpression(const Expr *E) {
  E = E->IgnoreImplicit();
  if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(E))
    return Operator->getOperator() == OO_Subscript ||
           Operator->getOperator() == OO_Call ||
           Operator->getOperator() == OO_Arrow;
  return isa<DeclRefExpr, CXXThisExpr, MemberExpr, ArraySubscriptExpr,
             CallExpr, ParenExpr>(E);
}

void ExcessCopyCheck::checkTrivialMove(const CallExpr *Move, ASTContext &C) {
  // The move of a trivially copyable object copies its bytes, as a copy
  // does: the std::move changes nothing but what a reader expects. Priced
  // at what the user thought moving saved: the bytes copied.
  // A class that deletes its copy and keeps a trivial move (a handle
  // whose move forgets to reset it) needs the std::move to compile.
  // A closure is moved as a callable is, whatever it captures: code that
  // forwards callables moves them all.
  const Expr *Arg = Move->getArg(0)->IgnoreParenImpCasts();
  QualType Type = Arg->getType().getUnqualifiedType();
  if (!isValueCopied(Move, C) || !copiesAsItMoves(Type) ||
      (Type->getAsCXXRecordDecl() && Type->getAsCXXRecordDecl()->isLambda()))
    return;
  double Bytes =
      static_cast<double>(C.getTypeSizeInChars(Type).getQuantity());
  std::optional<core::Impact> I = moveImpact(
      Move, Bytes * core::unitCostNs(core::CostKind::Copy), C);
  if (!I)
    return;
  core::LoopModel &Loops = loops(C);
  std::string Message = "'" + Loops.spelling(Arg) + "' (" +
                        copies(C).spell(Type) +
                        ") is trivially copyable: std::move copies its " +
                        core::formatCount(Bytes) +
                        " bytes as a copy does; remove the std::move";
  const SourceManager &SM = C.getSourceManager();
  DiagnosticBuilder D = report(Move->getBeginLoc(), Message, *I, SM);
  // `std::move(a.b)` becomes `a.b`, whose lvalue copies as the rvalue
  // did. The call it replaces is a postfix expression: an argument that is
  // not one (`*p`, `a ? b : c`) keeps parentheses.
  if (Move->getEndLoc().isMacroID())
    return;
  StringRef Text = Lexer::getSourceText(
      CharSourceRange::getTokenRange(Move->getArg(0)->getSourceRange()), SM,
      getLangOpts());
  if (Text.empty())
    return;
  D << FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Move->getSourceRange()),
      isPostfixExpression(Move->getArg(0)) ? Text.str()
                                           : "(" + Text.str() + ")");
}

/// The user-declared special member that keeps the compiler from declaring
/// Class's moves (a copy constructor, copy assignment or destructor), with
/// what it is; null when there is none.
static std::pair<const CXXMethodDecl *, const char *>
moveSuppressor(const CXXRecordDecl *Class) {
  for (const CXXConstructorDecl *Ctor : Class->ctors())
    if (Ctor->isCopyConstructor() && !Ctor->isImplicit())
      return {Ctor, "copy constructor"};
  for (const CXXMethodDecl *Method : Class->methods())
    if (Method->isCopyAssignmentOperator() && !Method->isImplicit())
      return {Method, "copy assignment operator"};
  if (const CXXDestructorDecl *Dtor = Class->getDestructor();
      Dtor && !Dtor->isImplicit())
    return {Dtor, "destructor"};
  return {nullptr, nullptr};
}

void ExcessCopyCheck::checkUnmovableMove(const CallExpr *Move,
                                         ASTContext &C) {
  // The move of a non-const object copies when its class has no move
  // constructor or move assignment: declaring a copy constructor, copy
  // assignment or destructor keeps the compiler from declaring them. The
  // copy is made here (a construction, an assignment) or in a function that
  // builds an object from its `T&&` argument (`v.push_back(std::move(x))`).
  const Expr *Arg = Move->getArg(0)->IgnoreParenImpCasts();
  QualType Type = Arg->getType().getUnqualifiedType();
  const CXXRecordDecl *Class = Type->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return;
  bool Constructs;
  if (const CXXMethodDecl *Copying = copyingMember(Move, C))
    Constructs = isa<CXXConstructorDecl>(Copying);
  else if (const auto *Call = dyn_cast_or_null<CallExpr>(moveUser(Move, C));
           Call && Call->getDirectCallee() &&
           buildsFromArguments(Call->getDirectCallee()) &&
           !Class->hasMoveConstructor() && Class->hasCopyConstructorWithConstParam())
    Constructs = true;
  else
    return;
  std::optional<double> Cost = copies(C).costNs(Type);
  std::optional<core::Impact> I =
      Cost ? moveImpact(Move, *Cost, C) : std::nullopt;
  if (!I)
    return;
  core::LoopModel &Loops = loops(C);
  const char *Missing = Constructs ? "constructor" : "assignment operator";
  std::string Message = "'" + Loops.spelling(Arg) + "' (" +
                        copies(C).spell(Type) + ") is copied, not moved: '" +
                        Class->getName().str() + "' has no move " + Missing;
  Message += copiesPerCall(Move, *I, C);
  const SourceManager &SM = C.getSourceManager();
  report(Move->getBeginLoc(), Message, *I, SM);
  auto [Suppressor, Kind] = moveSuppressor(Class);
  if (Suppressor)
    note(Suppressor->getLocation(),
         std::string("the declared ") + Kind +
             " keeps the compiler from declaring a move " + Missing +
             ": declare one (`= default`) to move");
  else
    note(Class->getLocation(),
         std::string("'") + Class->getName().str() + "' declares no move " +
             Missing + ": declare it to move");
}

} // namespace clang::tidy::perf_audit
