// Clocks for the benchmarks: wall time, and CPU time of the calling thread (which a busy
// machine does not stretch). A Timer reads both from its construction.
//
//   Timer t;  Work();  std::printf("%.2f s wall, %.2f s cpu\n", t.Wall(), t.Cpu());
#ifndef STIXKIT_BENCH_BENCH_CLOCK_H_
#define STIXKIT_BENCH_BENCH_CLOCK_H_

#include <time.h>

#include <chrono>

namespace stixkit::bench {

inline double ThreadCpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

inline double WallSeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Timer {
  double wall = WallSeconds(), cpu = ThreadCpuSeconds();
  double Wall() const { return WallSeconds() - wall; }
  double Cpu() const { return ThreadCpuSeconds() - cpu; }
};

}  // namespace stixkit::bench

#endif  // STIXKIT_BENCH_BENCH_CLOCK_H_
