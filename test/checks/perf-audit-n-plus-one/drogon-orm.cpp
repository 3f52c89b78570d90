// drogon's ORM (not packaged by Debian: a stand-in header in
// test/Inputs/standins): Mapper<T>::findByPrimaryKey, findOne and findBy run
// a query each, insert and update a statement each; DbClient::execSqlSync
// runs one. Per element, or per row of an outer findAll, that is an N+1.
//
// RUN: %check_perf_audit %s perf-audit-n-plus-one %t -- -- -std=c++17 -I %S/../../Inputs/standins
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver -- -- -std=c++17 -I %S/../../Inputs/standins
#include <drogon/orm/Mapper.h>
#include <memory>
#include <string>
#include <vector>

using drogon::orm::Criteria;
using drogon::orm::Mapper;

struct Book {
  using PrimaryKeyType = int;
  int id;
  int authorId;
  std::string title;
};
struct Author {
  using PrimaryKeyType = int;
  int id;
  std::string name;
};

std::vector<std::string> authorsOf(std::shared_ptr<drogon::orm::DbClient> db) {
  Mapper<Book> books(db);
  Mapper<Author> authors(db);
  std::vector<std::string> names;
  for (const Book &b : books.findAll())
    names.push_back(authors.findByPrimaryKey(b.authorId).name);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a query runs for every row of the query at line [[@LINE-2]]: ~100 queries per call if the query at line [[@LINE-2]] returns ~100 rows [impact: critical 86] [perf-audit-n-plus-one]
  return names;
}

std::size_t titlesLike(std::shared_ptr<drogon::orm::DbClient> db,
                       const std::vector<std::string> &words) {
  Mapper<Book> books(db);
  std::size_t n = 0;
  for (const std::string &w : words)
    n += books.findBy(Criteria("title", w)).size();
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: a query runs on every iteration of the loop over 'words': ~100 queries per call if 'words' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  return n;
}

void renameAll(std::shared_ptr<drogon::orm::DbClient> db, std::vector<Book> &list) {
  Mapper<Book> books(db);
  for (Book &b : list) {
    b.title += " (2nd ed.)";
    books.update(b);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'list': ~100 statements per call if 'list' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
}

void countEach(std::shared_ptr<drogon::orm::DbClient> db, const std::vector<int> &ids) {
  for (int id : ids)
    db->execSqlSync("SELECT count(*) FROM loans WHERE book = " + std::to_string(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a query runs on every iteration of the loop over 'ids': ~100 queries per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
}

// Negatives: one query for all rows, and a lookup retried three times.
std::vector<Book> allBooks(std::shared_ptr<drogon::orm::DbClient> db) {
  Mapper<Book> books(db);
  return books.findAll();
}

Book findWithRetry(std::shared_ptr<drogon::orm::DbClient> db, int id) {
  Mapper<Book> books(db);
  for (int attempt = 0; attempt < 3; ++attempt) {
    Book b = books.findByPrimaryKey(id);
    if (b.id == id)
      return b;
  }
  return {};
}
