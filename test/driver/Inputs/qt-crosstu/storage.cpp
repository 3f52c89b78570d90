#include "storage.h"
#include <QtCore/QDir>
#include <QtCore/QFile>

QStringList listFolder(const QString &path) { return QDir(path).entryList(); }

Settings::Settings() {
  static bool first = true;
  if (first)
    QFile(QStringLiteral("/etc/app.conf")).exists();
  first = false;
}

QString Settings::value(const QString &key) const { return key; }
