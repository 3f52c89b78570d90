#include "util.h"
#include <stddef.h>

struct Order { int id; int customer; };

int matches(const std::vector<Order> &orders, const std::vector<int> &customers) {
  int n = 0;
  for (const Order &o : orders)
    for (int c : customers)
      for (int k : customers)
        n += o.customer == c + k;
  return n;
}
