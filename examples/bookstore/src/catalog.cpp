#include "catalog.h"
#include <algorithm>
#include <regex>

namespace bookstore {

std::vector<Book> Catalog::byAuthors(const std::vector<std::string> &authors) const {
  std::vector<Book> result;
  for (const Book &book : books_)
    // A linear search of 'authors' for every book.
    if (std::find(authors.begin(), authors.end(), book.author) != authors.end())
      result.push_back(book);
  return result;
}

std::vector<std::string>
Catalog::titlesMatching(const std::vector<std::string> &patterns) const {
  std::vector<std::string> titles;
  for (const Book &book : books_) {
    for (const std::string &pattern : patterns) {
      // The same regex compiled again for every book.
      std::regex re(pattern, std::regex::icase);
      if (std::regex_search(book.title, re))
        titles.push_back(book.title);
    }
  }
  return titles;
}

std::vector<int> Catalog::sharedTags(const std::vector<Book> &other) const {
  std::vector<int> ids;
  for (const Book &mine : books_)
    for (const Book &theirs : other)
      // Every pair of books: O(n*m).
      if (mine.id != theirs.id && mine.tags == theirs.tags)
        ids.push_back(mine.id);
  return ids;
}

bool Catalog::hasTitle(const std::string &title) const {
  for (const Book &book : books_)
    if (book.title == title)
      return true;
  return false;
}

} // namespace bookstore
