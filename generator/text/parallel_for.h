// Running independent jobs on every core. Each job writes only its own slot of a result
// vector, so the output is the same whatever the thread count or scheduling.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace congkhai {

// Threads to use: `requested` when positive, else the machine's cores (at least 1).
inline int thread_count(int requested = 0) {
  if (requested > 0) return requested;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

// Calls job(i) for every i in [0, n), spread over `threads` threads.
inline void parallel_for(std::size_t n, int threads, const std::function<void(std::size_t)>& job) {
  threads = std::min<int>(thread_count(threads), static_cast<int>(n));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) job(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) job(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

}  // namespace congkhai
