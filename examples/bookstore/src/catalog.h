#pragma once
#include "model.h"
#include <string>
#include <vector>

namespace bookstore {

/// In-memory search over the books.
class Catalog {
public:
  explicit Catalog(std::vector<Book> books) : books_(std::move(books)) {}

  std::vector<Book> byAuthors(const std::vector<std::string> &authors) const;
  std::vector<std::string> titlesMatching(const std::vector<std::string> &patterns) const;
  std::vector<int> sharedTags(const std::vector<Book> &other) const;
  bool hasTitle(const std::string &title) const;

private:
  std::vector<Book> books_;
};

} // namespace bookstore
