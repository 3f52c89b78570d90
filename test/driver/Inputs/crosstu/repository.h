#pragma once
#include <SQLiteCpp/Database.h>
#include <string>
#include <vector>

class Repository {
public:
  explicit Repository(SQLite::Database &db) : db_(db) {}
  std::string load(int id);
  void touch(int id);
  int loadWithRetry(int id, int depth);

private:
  SQLite::Database &db_;
};

// Helpers defined in util.cpp.
bool contains(const std::vector<int> &haystack, int needle);
std::string readTemplate(const std::string &path);
int ping(int depth);
int pong(int depth);
