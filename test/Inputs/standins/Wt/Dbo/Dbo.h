// Stand-in for Wt::Dbo's interface (see ../../README.md).
#pragma once
#include <string>

namespace Wt {
namespace Dbo {
template <class C> class ptr {
public:
  C *operator->() const;
  C &operator*() const;
  explicit operator bool() const;
};

template <class C> class collection {
public:
  struct iterator {
    C operator*() const;
    iterator &operator++();
    bool operator!=(const iterator &) const;
  };
  iterator begin() const;
  iterator end() const;
  int size() const;
};

template <class Result> class Query {
public:
  Query &where(const std::string &condition);
  template <class T> Query &bind(const T &value);
  collection<Result> resultList() const;
  Result resultValue() const;
};

class Session {
public:
  template <class C> Query<ptr<C>> find(const std::string &where = "");
  template <class C, class Id> ptr<C> load(const Id &id);
  template <class C> ptr<C> add(C *object);
};
} // namespace Dbo
} // namespace Wt
