#include "tasks.h"

// Includes the header and calls none of it: it cannot tell what the
// callers pass.
int unrelated(int N) { return N * 3; }
