#include "storage.h"
#include <chrono>
#include <cstdio>
#include <thread>

void saveSnapshot() {
  FILE *f = fopen("/tmp/snapshot", "w");
  fclose(f);
}

void audit(const char *what) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  std::puts(what);
}

static void openJournal() { fclose(fopen("/tmp/journal", "a")); }
Journal::Journal() { openJournal(); }
void Journal::note(int) { openJournal(); }
