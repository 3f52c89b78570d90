#pragma once
#include <QtCore/QString>
#include <QtCore/QStringList>

QStringList listFolder(const QString &path);

// Reads its file once in the program's life.
class Settings {
public:
  Settings();
  QString value(const QString &key) const;
};
