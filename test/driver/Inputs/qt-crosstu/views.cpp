#include "storage.h"
#include <QtCore/QAbstractListModel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QWidget>

class FolderModel : public QAbstractListModel {
public:
  QString root;
  int rowCount(const QModelIndex & = QModelIndex()) const override { return 1; }
  QVariant data(const QModelIndex &index, int) const override {
    return listFolder(root).value(index.row());
  }
};

class Panel : public QWidget {
public:
  Panel() {
    auto *refresh = new QPushButton("Refresh", this);
    connect(refresh, &QPushButton::clicked, this, [this] { listFolder(root); });
    auto *theme = new QPushButton("Theme", this);
    connect(theme, &QPushButton::clicked, this,
            [] { Settings().value(QStringLiteral("theme")); });
  }
  QString root;
};
