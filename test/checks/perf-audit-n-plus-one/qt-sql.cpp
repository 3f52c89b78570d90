// RUN: %check_perf_audit %s perf-audit-n-plus-one %t -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

struct Invoice { int id; int customerId; QString customerName; };

// Positives.

QList<Invoice> invoices(QSqlDatabase db) {
  QList<Invoice> result;
  QSqlQuery query("SELECT id, customer_id FROM invoices", db);
  while (query.next()) {
    Invoice inv{query.value(0).toInt(), query.value(1).toInt(), QString()};
    QSqlQuery customer(db);
    customer.prepare("SELECT name FROM customers WHERE id = ?");
    customer.addBindValue(inv.customerId);
    customer.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a query runs for every row of the query at line 16: ~100 queries per call if the query at line 16 returns ~100 rows [impact: critical 86] [perf-audit-n-plus-one]
    if (customer.next())
      inv.customerName = customer.value(0).toString();
    result.append(inv);
  }
  return result;
}

void deleteAll(QSqlDatabase db, const QList<int> &ids) {
  for (int id : ids) {
    QSqlQuery del(QString("DELETE FROM invoices WHERE id = %1").arg(id), db);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
}

// A statement prepared once, from a named constant (a UTF-16 literal), and
// executed per id: still one statement per id.
void reorder(QSqlDatabase db, const QList<int> &ids) {
  const QString updatePosition =
      QString::fromUtf16(u"UPDATE invoices SET position = ? WHERE id = ?");
  QSqlQuery query(db);
  query.prepare(updatePosition);
  int position = 0;
  for (int id : ids) {
    query.bindValue(0, position++);
    query.bindValue(1, id);
    query.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
}

// Placeholders named by constants are bound per row; the statement text is
// the prepared one, not a placeholder's.
struct Column {
  QString name;
  QString placeholder;
};
const Column kPosition{QStringLiteral("position"), QStringLiteral(":position")};
void renumber(QSqlDatabase db, const QList<int> &ids) {
  const QString update =
      QString::fromUtf16(u"UPDATE invoices SET position = :position WHERE id = :id");
  QSqlQuery query(db);
  query.prepare(update);
  int position = 0;
  for (int id : ids) {
    query.bindValue(kPosition.placeholder, position++);
    query.bindValue(QStringLiteral(":id"), id);
    query.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
}

// Negatives.


// A prepared statement executed once as a batch.
void insertBatch(QSqlDatabase db, const QList<int> &ids) {
  QSqlQuery insert(db);
  insert.prepare("INSERT INTO seen(id) VALUES (?)");
  QVariantList values;
  for (int id : ids)
    values << id;
  insert.addBindValue(values);
  insert.execBatch();
}

// Reading the rows of one query; a query object built without a query.
QList<int> ids(QSqlDatabase db) {
  QList<int> result;
  QSqlQuery query(db);
  query.exec("SELECT id FROM invoices");
  while (query.next()) {
    QSqlQuery scratch(db);
    result.append(query.value(0).toInt());
  }
  return result;
}
