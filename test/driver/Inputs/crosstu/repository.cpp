#include "repository.h"
#include <SQLiteCpp/Statement.h>

std::string Repository::load(int id) {
  SQLite::Statement q(db_, "SELECT name FROM items WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void Repository::touch(int id) {
  SQLite::Statement q(db_, "UPDATE items SET seen = 1 WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

int Repository::loadWithRetry(int id, int depth) {
  // Through a cycle across files: ping and pong call each other.
  return depth > 0 ? ping(depth) : static_cast<int>(load(id).size());
}
