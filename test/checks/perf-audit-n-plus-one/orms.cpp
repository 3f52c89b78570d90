// ORMs that Debian does not package, against tiny stand-in headers
// (test/Inputs/standins): the N+1 through `get`, `load`, `find`, and through
// lazily loaded relations.
//
// RUN: %check_perf_audit %s perf-audit-n-plus-one %t -- -- -I %S/../../Inputs/standins
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver -- -- -I %S/../../Inputs/standins

#include <Wt/Dbo/Dbo.h>
#include <odb/database.hxx>
#include <sqlite_orm/sqlite_orm.h>
#include <string>
#include <vector>

namespace dbo = Wt::Dbo;

struct User;
struct Post {
  std::string title;
  dbo::ptr<User> author;
};
struct User {
  std::string name;
  dbo::collection<dbo::ptr<Post>> posts;
};

// sqlite_orm
struct Employee { int id; int managerId; std::string name; };
using Storage = sqlite_orm::internal::storage_t<>;

std::vector<std::string> managers(Storage &storage) {
  std::vector<std::string> names;
  for (const Employee &e : storage.get_all<Employee>())
    names.push_back(storage.get<Employee>(e.managerId).name);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: a query runs for every row of the query at line 32: ~100 queries per call if the query at line 32 returns ~100 rows [impact: high 70] [perf-audit-n-plus-one]
  return names;
}

void hireAll(Storage &storage, const std::vector<Employee> &people) {
  for (const Employee &e : people)
    storage.insert(e);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'people': ~100 statements per call if 'people' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
}

// ODB
struct Account { int id; odb::lazy_shared_ptr<Employee> owner; };

int owners(odb::database &db, const std::vector<int> &accountIds) {
  int n = 0;
  for (int id : accountIds) {
    std::shared_ptr<Account> account = db.load<Account>(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: a query runs on every iteration of the loop over 'accountIds': ~100 queries per call if 'accountIds' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
    n += account->owner.load() != nullptr;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: a query runs on every iteration of the loop over 'accountIds': ~100 queries per call if 'accountIds' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
  return n;
}

// Wt::Dbo: relations loaded lazily, one query per row.
int titleLength(dbo::Session &session) {
  int total = 0;
  dbo::collection<dbo::ptr<Post>> posts = session.find<Post>().resultList();
  for (const dbo::ptr<Post> &post : posts) {
    total += static_cast<int>(post->title.size());
    total += static_cast<int>(post->author->name.size());
    // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: a query runs for every row of the query at line 61: ~100 queries per call if the query at line 61 returns ~100 rows [impact: critical 86] [perf-audit-n-plus-one]
  }
  return total;
}

int postCount(const std::vector<dbo::ptr<User>> &users) {
  int n = 0;
  for (const dbo::ptr<User> &user : users)
    for (const dbo::ptr<Post> &post : user->posts)
      // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: a query runs on every iteration of the loop over 'users': ~100 queries per call if 'users' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
      n += post ? 1 : 0;
  return n;
}

// Negatives: a relation of the loop's own row already loaded by the query,
// and queries outside loops.
int titles(dbo::Session &session) {
  dbo::ptr<Post> first = session.find<Post>().resultValue();
  int n = static_cast<int>(first->title.size());
  dbo::collection<dbo::ptr<Post>> posts = session.find<Post>().resultList();
  for (const dbo::ptr<Post> &post : posts)
    n += static_cast<int>(post->title.size());
  return n;
}
