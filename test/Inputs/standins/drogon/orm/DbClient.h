// Stand-in for drogon's database client (see ../../README.md).
#pragma once
#include <cstddef>
#include <string>

namespace drogon::orm {
class Result {
public:
  std::size_t size() const;
};
class DbClient {
public:
  Result execSqlSync(const std::string &sql);
  template <typename Callback>
  void execSqlAsync(const std::string &sql, Callback &&callback) {
    (void)sql;
    (void)callback;
  }
};
} // namespace drogon::orm
