#include "catalog.h"

std::string Catalog::title(int id) {
  return "item " + std::to_string(id);
}
