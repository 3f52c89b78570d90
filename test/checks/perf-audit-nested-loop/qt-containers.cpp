// Linear members of Qt 5's containers (qtbase5-dev 5.15, lib/models/qt.yaml):
// QList/QVector::indexOf, contains, removeOne, removeAll and
// QStringList::contains scan their whole object; per element of a loop over
// input that is O(n*m). Q_FOREACH is one loop, named after its container.
// Traps: a QSet's contains, a small constant list, and count() as a size.
//
// RUN: %check_perf_audit %s perf-audit-nested-loop %t -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore
#include <QtCore/QList>
#include <QtCore/QSet>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QVector>

struct Catalog {
  QStringList names;
  QVector<int> ids;
  QList<int> seen;

  int known(const QStringList &wanted) const {
    int n = 0;
    for (const QString &w : wanted)
      if (names.contains(w))
        // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'QStringList::contains' scans 'names' on every iteration of the loop over 'wanted': O(n*m), ~10,000 element visits per call if 'wanted' and 'names' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
        // CHECK-NOTES: :[[@LINE-3]]:5: note: loop here
        // CHECK-NOTES: :[[@LINE-3]]:11: note: build a hash set or map of 'names' once before the loop and look up in it
        ++n;
    return n;
  }
  void dedupe(const QVector<int> &input) {
    for (int id : input)
      if (seen.indexOf(id) < 0)
        // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'QList::indexOf' scans 'seen' on every iteration of the loop over 'input': O(n*m), ~10,000 element visits per call if 'input' and 'seen' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
        // CHECK-NOTES: :[[@LINE-3]]:5: note: loop here
        // CHECK-NOTES: :[[@LINE-3]]:11: note: build a hash set or map of 'seen' once before the loop and look up in it
        seen.append(id);
  }
  int positions(const QVector<int> &input) const {
    int total = 0;
    for (int i = 0; i < input.size(); ++i)
      total += ids.indexOf(input[i]);
      // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'QVector::indexOf' scans 'ids' on every iteration of the loop over 'input': O(n*m), ~10,000 element visits per call if 'input' and 'ids' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: loop here
      // CHECK-NOTES: :[[@LINE-3]]:16: note: build a hash set or map of 'ids' once before the loop and look up in it
    return total;
  }
  // Negative: count() without an argument is the size.
  int sizes(const QVector<int> &input) const {
    int total = 0;
    for (int i = 0; i < input.count(); ++i)
      total += input[i];
    return total;
  }
};

int viaForeach(const QStringList &wanted, const QStringList &names) {
  int n = 0;
  Q_FOREACH (const QString &w, wanted)
    if (names.contains(w))
      // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'QStringList::contains' scans 'names' on every iteration of the loop over 'wanted': O(n*m), ~10,000 element visits per call if 'wanted' and 'names' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-3]]:3: note: loop here
      // CHECK-NOTES: {{.*}}qglobal.h:{{[0-9]+}}:5: note: expanded from macro 'Q_FOREACH'
      // CHECK-NOTES: {{.*}}qglobal.h:{{[0-9]+}}:5: note: expanded from macro 'Q_FOREACH_IMPL'
      // CHECK-NOTES: :[[@LINE-5]]:9: note: build a hash set or map of 'names' once before the loop and look up in it
      ++n;
  return n;
}

// Negatives: a set's own lookup, and a list of three keywords.
int viaSet(const QStringList &wanted, const QSet<QString> &names) {
  int n = 0;
  for (const QString &w : wanted)
    if (names.contains(w))
      ++n;
  return n;
}

int fixedKeywords(const QStringList &words) {
  const QStringList keywords = {"if", "else", "for"};
  int n = 0;
  for (const QString &w : words)
    if (keywords.contains(w))
      ++n;
  return n;
}

// A scan of a part of the outer element (each application's few
// categories) is a constant per pair: the two loops around it are the cost,
// and they are the finding (flameshot's DesktopFileParser).
struct DesktopApp {
  QString name;
  QStringList categories;
};

int countInCategories(const QVector<DesktopApp> &apps, const QStringList &wanted) {
  int count = 0;
  for (const DesktopApp &app : apps) {
    for (const QString &category : wanted) {
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'wanted' runs on every iteration of the loop over 'apps': O(n*m), ~10,000 iterations per call if 'apps' and 'wanted' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: outer loop here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      if (app.categories.contains(category))
        ++count;
    }
  }
  return count;
}
