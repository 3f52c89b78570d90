// RUN: %check_perf_audit %s perf-audit-n-plus-one %t -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql
// RUN: %check_perf_audit --check-suffix=LOW %s perf-audit-n-plus-one %t-low -- \
// RUN:   --config="{CheckOptions: {MinimumConfidence: low}}" -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtSql
//
// A write prepared once and executed per row inside one transaction is the
// batching the N+1 advice asks for. Qt SQL's driver is chosen at run time,
// so the engine may be a server, where each row still waits for its round
// trip: the finding stays, with low confidence, hidden by default.

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlQuery>

void storeQueue(QSqlDatabase db, const QList<int> &ids) {
  const QString update = QString::fromUtf16(
      u"UPDATE torrents SET position = :position WHERE id = :id");
  if (!db.transaction())
    return;
  QSqlQuery query(db);
  if (!query.prepare(update))
    return;
  int position = 0;
  for (int id : ids) {
    query.bindValue(QStringLiteral(":position"), position++);
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec())
      // CHECK-MESSAGES-LOW: :[[@LINE-1]]:10: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86, low confidence] [perf-audit-n-plus-one]
      break;
  }
  db.commit();
}

// Positive: the transaction is there, but the statement is prepared on
// every iteration.
void storeEach(QSqlDatabase db, const QList<int> &ids) {
  db.transaction();
  for (int id : ids) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM torrents WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    query.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
  db.commit();
}

// Positive: prepared once, no transaction.
void storeAlone(QSqlDatabase db, const QList<int> &ids) {
  QSqlQuery query(db);
  query.prepare(QStringLiteral("DELETE FROM torrents WHERE id = :id"));
  for (int id : ids) {
    query.bindValue(QStringLiteral(":id"), id);
    query.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
}
