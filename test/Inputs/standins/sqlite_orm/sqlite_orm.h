// Stand-in for sqlite_orm's public interface (see ../README.md).
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace sqlite_orm {
namespace internal {
template <class... Tables> struct storage_t {
  template <class O, class Id> O get(Id id);
  template <class O, class Id> std::unique_ptr<O> get_pointer(Id id);
  template <class O> std::vector<O> get_all();
  template <class O> int count();
  template <class O> int insert(const O &o);
  template <class O> void update(const O &o);
  template <class O, class Id> void remove(Id id);
  void sync_schema();
};
template <class... Args> struct table_t {};
} // namespace internal

template <class... Tables>
internal::storage_t<Tables...> make_storage(const std::string &path, Tables...);
template <class O, class... Columns>
internal::table_t<O, Columns...> make_table(const std::string &name, Columns...);
} // namespace sqlite_orm
