#include <vector>

template <typename T> class Queue {
public:
  void add(T item) { items_.push_back(item); }

private:
  std::vector<T> items_;
};
