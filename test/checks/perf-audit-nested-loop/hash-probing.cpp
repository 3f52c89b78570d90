// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression tests from real code (docs/real-world.md): an open-addressing
// hash table probes from the hash of the key until an empty or matching slot
// (Poco's SimpleHashTable, tsl::ordered_map in Poco): amortised O(1), not a
// walk of the table. A loop from a position the caller passes walks only the
// tail after it (tsl's shift_indexes_in_buckets). A real walk of the same
// table is still one.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

// Linear probing with the index reduced in the subscript.
class IdTable {
public:
  explicit IdTable(std::size_t Capacity) : Slots(Capacity, nullptr) {}
  void insert(const std::string *Key) {
    std::size_t Hash = std::hash<std::string>()(*Key);
    while (Slots[Hash % Slots.size()]) {
      if (*Slots[Hash % Slots.size()] == *Key)
        return;
      ++Hash;
    }
    Slots[Hash % Slots.size()] = Key;
  }
  // Every slot, from the first: a walk of the table.
  bool containsValue(const std::string &Value) const {
    for (std::size_t I = 0; I < Slots.size(); ++I)
      if (Slots[I] && *Slots[I] == Value)
        return true;
    return false;
  }

private:
  std::vector<const std::string *> Slots;
};

// Robin Hood probing: the cursor starts at `hash & mask` and steps through a
// function that wraps to 0.
class Buckets {
public:
  void insert(std::size_t Hash, int Value) {
    std::size_t Bucket = bucketFor(Hash);
    while (Table[Bucket].Used && Table[Bucket].Value != Value)
      Bucket = next(Bucket);
    Table[Bucket] = {true, Value};
    Order.push_back(Value);
  }
  std::size_t size() const { return Order.size(); }
  // Shifts the positions stored after `From`; insert at the end shifts none.
  // (Not charged to callers: a caller passing ever smaller positions in a
  // loop would be quadratic, and is not found.)
  void shiftAfter(std::size_t From) {
    for (std::size_t I = From; I < Order.size(); ++I)
      ++Order[I];
  }

private:
  struct Slot {
    bool Used = false;
    int Value = 0;
  };
  std::size_t bucketFor(std::size_t Hash) const { return Hash & Mask; }
  std::size_t next(std::size_t I) const {
    ++I;
    return I < Table.size() ? I : 0;
  }
  std::vector<Slot> Table = std::vector<Slot>(64);
  std::vector<int> Order;
  std::size_t Mask = 63;
};

void load(IdTable &Ids, Buckets &B, const std::vector<std::string> &Names) {
  for (const std::string &Name : Names)
    Ids.insert(&Name);
  for (std::size_t I = 0; I < Names.size(); ++I) {
    B.insert(std::hash<std::string>()(Names[I]), static_cast<int>(I));
    B.shiftAfter(B.size());
  }
}

int countKnown(const IdTable &Ids, const std::vector<std::string> &Names) {
  int Known = 0;
  for (const std::string &Name : Names)
    Known += Ids.containsValue(Name);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'containsValue' loops over member 'Slots' on every iteration of the loop over 'Names': O(n*m), ~10,000 iterations per call if 'Names' and 'Slots' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return Known;
}
