#pragma once
#include "catalog.h"
#include "orders.h"
#include <string>
#include <vector>

namespace bookstore {

std::string renderReport(const std::vector<Invoice> &invoices);
std::vector<std::string> missingTitles(const Catalog &catalog,
                                       const std::vector<std::string> &wanted);

} // namespace bookstore
