// Stand-in for ODB's runtime interface (see ../README.md).
#pragma once
#include <memory>
#include <string>

namespace odb {
template <class T> class result {
public:
  struct iterator {
    T &operator*() const;
    iterator &operator++();
    bool operator!=(const iterator &) const;
  };
  iterator begin();
  iterator end();
};

template <class T> struct query {
  query(const std::string &condition);
};

template <class T> class lazy_shared_ptr {
public:
  std::shared_ptr<T> load() const;
  bool loaded() const;
};

class database {
public:
  template <class T, class Id> std::shared_ptr<T> load(const Id &id);
  template <class T, class Id> std::shared_ptr<T> find(const Id &id);
  template <class T> result<T> query(const odb::query<T> &q);
  template <class T> void persist(T &object);
  template <class T> void update(const T &object);
  template <class T> void erase(const T &object);
};

class transaction {
public:
  explicit transaction(database *);
  void commit();
};
} // namespace odb
