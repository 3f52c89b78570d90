#include "catalog.h"
#include <SQLiteCpp/Statement.h>

std::string Catalog::title(int id) {
  SQLite::Statement q(db_, "SELECT title FROM items WHERE id = ?");
  q.bind(1, id);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}
