// Work that runs once in the program's life is a start-up cost, not a cost
// of each caller: the initialiser of a static local (a getInstance()), and a
// branch that tests a static local flag which only that branch sets, or which
// the function only ever sets to a value that closes the branch. A slot
// that constructs such an object does not block the GUI thread on every
// click; nor does a folder created only when it is missing. Positives next
// to them: a static flag the function also sets
// elsewhere (a reload), a global flag (any code may set it again), and a
// member flag (every new object does the work again).
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtGui -I/usr/include/x86_64-linux-gnu/qt5/QtWidgets
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtGui -I/usr/include/x86_64-linux-gnu/qt5/QtWidgets
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QWidget>

class Config {
public:
  Config() {
    static bool firstInitialization = true;
    if (firstInitialization) {
      ensureFileExists();
      firstInitialization = false;
    }
  }
  static Config *instance() {
    static Config config(QStringLiteral("/etc/app.conf"));
    return &config;
  }
  explicit Config(const QString &path) { QFile(path).exists(); }
  QString value(const QString &key) const { return key; }

private:
  void ensureFileExists() const {
    QFile file(QStringLiteral("/tmp/app.conf"));
    if (!file.exists()) {
      file.open(QIODevice::WriteOnly);
      file.close();
    }
  }
};

// The flag cleared after its branch, on every call: the branch still runs
// only on the first.
class Log {
public:
  Log() {
    static int calls = 0;
    if (calls == 0)
      QFile(QStringLiteral("/var/log/app.log")).exists();
    calls = 1;
  }
};

// Reloaded on request: the flag is set again outside its branch.
class Theme {
public:
  explicit Theme(bool reload) {
    static bool loaded = false;
    if (reload)
      loaded = false;
    if (!loaded) {
      QFile(QStringLiteral("/usr/share/app/theme.qss")).exists();
      loaded = true;
    }
  }
};

bool gIconsReady = false;
void loadIcons() {
  if (!gIconsReady) {
    QFile(QStringLiteral("/usr/share/app/icons")).exists();
    gIconsReady = true;
  }
}

class History {
public:
  int count() {
    if (!loaded_) {
      QFile(QStringLiteral("/tmp/history")).exists();
      loaded_ = true;
    }
    return 0;
  }

private:
  bool loaded_ = false;
};

// Creates its folder when it is missing: once per installation. Clearing it
// when it exists happens on every call.
class Cache {
public:
  explicit Cache(const QString &path) : dir_(path) {
    if (!dir_.exists())
      dir_.mkpath(QStringLiteral("."));
  }
  void clear() {
    if (dir_.exists())
      dir_.removeRecursively();
  }

private:
  QDir dir_;
};

// Touches its file on construction and on every change: `Prefs().set(v)`
// reaches the same blocking call twice, and is one finding.
class Prefs {
public:
  Prefs() { touch(); }
  void set(int value) {
    value_ = value;
    touch();
  }

private:
  void touch() const { QFile(QStringLiteral("/tmp/prefs")).exists(); }
  int value_ = 0;
};

class Window : public QWidget {
public:
  Window() {
    auto *save = new QPushButton("Save", this);
    connect(save, &QPushButton::clicked, this, [] {
      Config().value(QStringLiteral("path"));
      Config::instance()->value(QStringLiteral("path"));
      Log();
    });
    auto *reload = new QPushButton("Reload", this);
    connect(reload, &QPushButton::clicked, this, [] {
      Theme theme(true);
      // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'Theme' blocks the event loop in the callback registered with 'connect' [impact: medium 44] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-74]]:7: note: 'exists' blocks here
      // CHECK-NOTES: :[[@LINE-4]]:13: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    });
    auto *icons = new QPushButton("Icons", this);
    connect(icons, &QPushButton::clicked, this, [] {
      loadIcons();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'loadIcons' blocks the event loop in the callback registered with 'connect' [impact: medium 44] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-73]]:5: note: 'exists' blocks here
      // CHECK-NOTES: :[[@LINE-4]]:7: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    });
    auto *history = new QPushButton("History", this);
    connect(history, &QPushButton::clicked, this, [] {
      History().count();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'count' blocks the event loop in the callback registered with 'connect' [impact: medium 44] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-72]]:7: note: 'exists' blocks here
      // CHECK-NOTES: :[[@LINE-4]]:7: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    });
    auto *prefs = new QPushButton("Prefs", this);
    connect(prefs, &QPushButton::clicked, this, [] {
      Prefs().set(2);
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'set' blocks the event loop in the callback registered with 'connect' [impact: medium 44] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-3]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-46]]:5: note: 'touch' blocks
      // CHECK-NOTES: :[[@LINE-43]]:24: note: 'exists' blocks here
      // CHECK-NOTES: :[[@LINE-5]]:7: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    });
    auto *cache = new QPushButton("Cache", this);
    connect(cache, &QPushButton::clicked, this, [] {
      Cache cache(QStringLiteral("/tmp/app-cache"));
      cache.clear();
      // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'clear' blocks the event loop in the callback registered with 'connect' [impact: medium 44] [perf-audit-blocking-in-async]
      // CHECK-NOTES: :[[@LINE-4]]:5: note: handler registered here
      // CHECK-NOTES: :[[@LINE-70]]:7: note: 'removeRecursively' blocks here
      // CHECK-NOTES: :[[@LINE-4]]:7: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
    });
  }
};
