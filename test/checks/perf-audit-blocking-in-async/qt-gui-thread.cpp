// The Qt GUI thread is an event loop (qtbase5-dev 5.15): event handlers of
// widgets (paintEvent, ...), item model methods (data, rowCount, ...) and
// delegates' paint run on it, and so do slots and functors connected with a
// widget as receiver (the context object, or the sender when there is none).
// So do the signals of actions and the tray icon, which live on the GUI
// thread. Traps: work handed to QtConcurrent::run, and a worker object moved
// to its own thread, whose slot runs there.
//
// RUN: %check_perf_audit %s perf-audit-blocking-in-async %t -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtGui -I/usr/include/x86_64-linux-gnu/qt5/QtWidgets -I/usr/include/x86_64-linux-gnu/qt5/QtConcurrent
// RUN: %check_perf_audit_driver %s perf-audit-blocking-in-async %t-driver -- -- -std=c++17 -fPIC -I/usr/include/x86_64-linux-gnu/qt5 -I/usr/include/x86_64-linux-gnu/qt5/QtCore -I/usr/include/x86_64-linux-gnu/qt5/QtGui -I/usr/include/x86_64-linux-gnu/qt5/QtWidgets -I/usr/include/x86_64-linux-gnu/qt5/QtConcurrent
#include <QtConcurrent/QtConcurrent>
#include <QtCore/QAbstractTableModel>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtGui/QPainter>
#include <QtWidgets/QAction>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSystemTrayIcon>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QWidget>

class Canvas : public QWidget {
public:
  QString stylePath;

protected:
  void paintEvent(QPaintEvent *) override {
    QFile style(stylePath);
    if (style.open(QIODevice::ReadOnly)) {
    // CHECK-NOTES: :[[@LINE-1]]:9: warning: 'open' blocks the event loop in event-loop entry point 'Canvas::paintEvent', which runs ~100 times per screen update [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-2]]:9: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
      QPainter painter(this);
      painter.drawText(rect(), QString::fromUtf8(style.readAll()));
    }
  }
};

class FileTable : public QAbstractTableModel {
public:
  QString root;
  int rowCount(const QModelIndex & = QModelIndex()) const override {
    return QDir(root).entryList().size();
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'entryList' blocks the event loop in event-loop entry point 'FileTable::rowCount', which runs ~100 times per screen update [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
  }
  int columnCount(const QModelIndex & = QModelIndex()) const override { return 1; }
  QVariant data(const QModelIndex &index, int role) const override {
    if (role != Qt::DisplayRole)
      return {};
    return QDir(root).entryList().value(index.row());
    // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'entryList' blocks the event loop in event-loop entry point 'FileTable::data', which runs ~100 times per screen update [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-2]]:12: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
  }
};

class Window : public QWidget {
public:
  Window() {
    auto *button = new QPushButton("Build", this);
    connect(button, &QPushButton::clicked, this, &Window::build);
    connect(button, &QPushButton::pressed, this, [this] { QThread::msleep(50); });
    // CHECK-NOTES: :[[@LINE-1]]:59: warning: 'msleep' sleeps 50 ms on the event loop in the callback registered with 'connect' [impact: critical 86] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-2]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:59: note: wait on a timer of the event loop instead: 'QTimer::singleShot(delay, this, callback)'
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &Window::refresh);
    timer->start(1000);
    // Negatives: work on the thread pool, and a worker on its own thread.
    connect(button, &QPushButton::released, this, [this] {
      QtConcurrent::run([path = logPath] { QFile log(path); log.open(QIODevice::Append); });
    });
  }

private:
  void build() {
    QProcess make;
    make.start("make", QStringList());
    make.waitForFinished();
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'waitForFinished' blocks the event loop in the callback registered with 'connect' [impact: high 67] [perf-audit-blocking-in-async]
    // CHECK-NOTES: :[[@LINE-20]]:5: note: handler registered here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
  }
  void refresh() { label->setText(QString::number(QDir(logPath).entryList().size())); }
  // CHECK-NOTES: :[[@LINE-1]]:51: warning: 'entryList' blocks the event loop in the callback registered with 'connect' [impact: medium 44] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-19]]:5: note: handler registered here
  // CHECK-NOTES: :[[@LINE-3]]:51: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
  QString logPath;
  QLabel *label = nullptr;
};

// Negative: the worker runs on its own thread.
class Worker : public QObject {
public:
  void scan() { QDir("/var/log").entryList(); }
};

void startWorker(QTimer *timer) {
  auto *worker = new Worker;
  auto *thread = new QThread;
  worker->moveToThread(thread);
  QObject::connect(timer, &QTimer::timeout, worker, &Worker::scan);
  thread->start();
}

// Actions and the tray icon live on the GUI thread: their signals, with
// no context object, run there.
void installTray(QSystemTrayIcon *tray, QAction *clear) {
  QObject::connect(tray, &QSystemTrayIcon::activated, [] { QThread::msleep(100); });
  // CHECK-NOTES: :[[@LINE-1]]:60: warning: 'msleep' sleeps 100 ms on the event loop in the callback registered with 'connect' [impact: critical 89] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handler registered here
  // CHECK-NOTES: :[[@LINE-3]]:60: note: wait on a timer of the event loop instead: 'QTimer::singleShot(delay, this, callback)'
  QObject::connect(clear, &QAction::triggered, [] { QDir("/tmp/app").removeRecursively(); });
  // CHECK-NOTES: :[[@LINE-1]]:53: warning: 'removeRecursively' blocks the event loop in the callback registered with 'connect' [impact: medium 44] [perf-audit-blocking-in-async]
  // CHECK-NOTES: :[[@LINE-2]]:3: note: handler registered here
  // CHECK-NOTES: :[[@LINE-3]]:53: note: run it off the event loop (QtConcurrent::run or a QThreadPool, and back with a signal), or use an asynchronous API
}
