// Stand-in for drogon's ORM mapper (see ../../README.md).
#pragma once
#include <drogon/orm/DbClient.h>
#include <memory>
#include <string>
#include <vector>

namespace drogon::orm {
class Criteria {
public:
  Criteria(const std::string &column, const std::string &value);
};
template <typename T> class Mapper {
public:
  explicit Mapper(std::shared_ptr<DbClient> client);
  T findByPrimaryKey(const typename T::PrimaryKeyType &key);
  T findOne(const Criteria &criteria);
  std::vector<T> findBy(const Criteria &criteria);
  std::vector<T> findAll();
  void insert(T &object);
  std::size_t update(const T &object);
};
} // namespace drogon::orm
