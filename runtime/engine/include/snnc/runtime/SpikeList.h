//===- SpikeList.h - Recorded spikes in step order, compact -----*- C++ -*-===//
//
// A run's recorded spikes. Runs record millions of them, and as 16-byte
// (step, index) pairs the growing vectors' allocation and first-touch page
// faults cost a fifth of a 10,000-neuron LSM run; here a spike costs its
// 32-bit index, plus one (step, end) entry per step that has spikes. It
// reads like a const std::vector<SpikeEvent>: size(), iteration and
// operator[] yield SpikeEvent values.
//
//===----------------------------------------------------------------------===//

#ifndef SNNC_RUNTIME_SPIKELIST_H
#define SNNC_RUNTIME_SPIKELIST_H

#include "snnc/runtime/SpikeTrain.h"

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <vector>

namespace snnc::runtime {

class SpikeList {
  /// The spikes of one step: indices [previous group's end, end).
  struct Group {
    uint64_t step;
    uint64_t end;
    bool operator==(const Group &o) const {
      return step == o.step && end == o.end;
    }
  };

public:
  class const_iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = SpikeEvent;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = SpikeEvent;

    SpikeEvent operator*() const {
      return {list->groups[group].step, list->indices[k]};
    }
    const_iterator &operator++() {
      if (++k == list->groups[group].end)
        ++group;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const const_iterator &o) const { return k == o.k; }
    bool operator!=(const const_iterator &o) const { return k != o.k; }

  private:
    friend class SpikeList;
    const_iterator(const SpikeList *list, size_t k, size_t group)
        : list(list), k(k), group(group) {}
    const SpikeList *list;
    size_t k;
    size_t group;
  };
  using value_type = SpikeEvent;
  using size_type = size_t;

  SpikeList() = default;
  SpikeList(std::initializer_list<SpikeEvent> events) {
    for (const SpikeEvent &e : events)
      push_back(e);
  }
  explicit SpikeList(const std::vector<SpikeEvent> &events) {
    for (const SpikeEvent &e : events)
      push_back(e);
  }

  /// Appends `count` spikes of `step`. Appending in step order keeps the
  /// list sorted, as runs do; a step equal to the last one extends it.
  void append(uint64_t step, const uint32_t *index, size_t count) {
    if (count == 0)
      return;
    indices.insert(indices.end(), index, index + count);
    if (!groups.empty() && groups.back().step == step)
      groups.back().end = indices.size();
    else
      groups.push_back({step, indices.size()});
  }
  void push_back(const SpikeEvent &e) { append(e.step, &e.index, 1); }

  size_t size() const { return indices.size(); }
  bool empty() const { return indices.empty(); }
  const_iterator begin() const { return {this, 0, 0}; }
  const_iterator end() const { return {this, indices.size(), groups.size()}; }
  /// The k-th spike; a binary search over the steps.
  SpikeEvent operator[](size_t k) const;
  /// The spikes as (step, index) pairs.
  std::vector<SpikeEvent> events() const {
    return std::vector<SpikeEvent>(begin(), end());
  }

  bool operator==(const SpikeList &o) const {
    return indices == o.indices && groups == o.groups;
  }
  bool operator!=(const SpikeList &o) const { return !(*this == o); }

private:
  std::vector<uint32_t> indices;
  std::vector<Group> groups;
};

bool operator==(const SpikeList &a, const std::vector<SpikeEvent> &b);
inline bool operator==(const std::vector<SpikeEvent> &a, const SpikeList &b) {
  return b == a;
}
inline bool operator!=(const SpikeList &a, const std::vector<SpikeEvent> &b) {
  return !(a == b);
}

} // namespace snnc::runtime

#endif // SNNC_RUNTIME_SPIKELIST_H
