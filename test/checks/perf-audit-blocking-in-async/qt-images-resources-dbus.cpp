// More of what blocks the Qt GUI thread (qtbase5-dev 5.15): images loaded
// from and saved to files (decoding and encoding cost more than the file:
// ranked above a file open, and named rather than a file call before them),
// and D-Bus method calls, which wait for the reply
// of another process, and so does building a QDBusInterface (it introspects
// the remote object). Traps: a file, image or directory named by a resource
// path (":/..." or "qrc:"), compiled into the program and read from memory,
// and a D-Bus call made asynchronously.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtGui -I/usr/include/x86_64-linux-gnu/qt5/QtWidgets -I/usr/include/x86_64-linux-gnu/qt5/QtDBus
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtGui -I/usr/include/x86_64-linux-gnu/qt5/QtWidgets -I/usr/include/x86_64-linux-gnu/qt5/QtDBus
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtDBus/QDBusInterface>
#include <QtDBus/QDBusPendingCall>
#include <QtGui/QImage>
#include <QtGui/QPixmap>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QWidget>

// Replaces the file, then encodes the image into it: the encode is the cost
// to name.
static void exportShot(const QPixmap &shot, const QString &path) {
  if (QFile::exists(path))
    QFile::remove(path);
  shot.save(path);
}

class Editor : public QWidget {
public:
  Editor() {
    auto *save = new QPushButton("Save", this);
    connect(save, &QPushButton::clicked, this, [this] {
      shot.save(target);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'save' blocks the event loop in the callback registered with 'connect' [impact: high 78] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-3]]:7: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    });
    auto *open = new QPushButton("Open", this);
    connect(open, &QPushButton::clicked, this, [this] {
      QImage image;
      image.load(target);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'load' blocks the event loop in the callback registered with 'connect' [impact: high 78] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-4]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-3]]:7: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    });
    auto *portal = new QPushButton("Portal", this);
    connect(portal, &QPushButton::clicked, this, [] {
      QDBusInterface screenshot(QStringLiteral("org.freedesktop.portal.Desktop"),
      // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'QDBusInterface' blocks the event loop in the callback registered with 'connect' [impact: high 67] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-3]]:22: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
                                QStringLiteral("/org/freedesktop/portal/desktop"));
      screenshot.call(QStringLiteral("Screenshot"), QString(), QVariantMap());
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'call' blocks the event loop in the callback registered with 'connect' [impact: high 67] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-8]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-3]]:7: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
      // Negative: the asynchronous form returns at once.
      screenshot.asyncCall(QStringLiteral("Screenshot"), QString(), QVariantMap());
    });
    auto *exportButton = new QPushButton("Export", this);
    connect(exportButton, &QPushButton::clicked, this, [this] { exportShot(shot, target); });
    // CHECK-NOTES: :[[@LINE-1]]:65: warning: 'exportShot' blocks the event loop in the callback registered with 'connect' [impact: high 78] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-39]]:3: note: 'save' blocks here
    // CHECK-NOTES: :[[@LINE-4]]:65: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    // Negatives: resources compiled into the program.
    auto *theme = new QPushButton("Theme", this);
    connect(theme, &QPushButton::clicked, this, [this] {
      QFile style(QStringLiteral(":/styles/dark.qss"));
      if (style.open(QIODevice::ReadOnly))
        setStyleSheet(QString::fromUtf8(style.readAll()));
      QPixmap icon;
      icon.load(":/icons/app.png");
      if (QFile::exists("qrc:/icons/large.png"))
        QDir(":/icons").entryList();
    });
  }

private:
  QPixmap shot;
  QString target;
};
