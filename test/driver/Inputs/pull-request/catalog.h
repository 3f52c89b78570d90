#pragma once
#include <SQLiteCpp/Database.h>
#include <string>

class Catalog {
public:
  explicit Catalog(SQLite::Database &db) : db_(db) {}
  std::string title(int id);

private:
  SQLite::Database &db_;
};
