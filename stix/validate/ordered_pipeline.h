// Runs a function over a stream of JSON objects on several threads and hands the
// results back in input order. The producer (the file scanner) pushes spans; batches
// go to worker threads; finished batches are consumed on the producer's thread, in
// order, as soon as they are ready. At most a fixed number of batches are in flight,
// so memory stays bounded however large the input.
//
//   OrderedPipeline pipe(jobs, process, consume);
//   for (each span) pipe.Push(span, index);
//   pipe.Finish();
//
// `process` runs on worker threads (or inline when jobs == 1) and must be thread-safe;
// `consume` always runs on the thread that calls Push/Finish.
#ifndef STIXKIT_STIX_VALIDATE_ORDERED_PIPELINE_H_
#define STIXKIT_STIX_VALIDATE_ORDERED_PIPELINE_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "stix/json/json_parser.h"
#include "stix/validate/bundle_checks.h"
#include "stix/validate/finding.h"

namespace stixkit::stix {

// What processing one object yields.
struct ObjectResult {
  absl::Status parse_error;  // the object is not valid JSON: the file is fatal
  Findings findings;
  ObjectFacts facts;
  LineColumn at;
  size_t index = 0;
  size_t end_offset = 0;  // bytes of the file that are done with once this is consumed
};

class OrderedPipeline {
 public:
  using ProcessFn = std::function<void(const JsonSpan& span, ObjectResult* result)>;
  using ConsumeFn = std::function<void(ObjectResult&& result)>;

  OrderedPipeline(int jobs, ProcessFn process, ConsumeFn consume);
  ~OrderedPipeline();

  void Push(const JsonSpan& span, size_t index);
  // Processes and consumes everything pushed so far, then stops the workers.
  void Finish();

 private:
  struct Batch {
    std::vector<JsonSpan> spans;
    std::vector<size_t> indexes;
    std::vector<ObjectResult> results;
    bool done = false;
  };

  void Submit();
  void WorkerLoop();
  void ConsumeReady(bool wait_for_all);

  const ProcessFn process_;
  const ConsumeFn consume_;
  const int jobs_;
  std::unique_ptr<Batch> filling_;
  std::deque<std::unique_ptr<Batch>> in_flight_;  // in input order
  std::deque<Batch*> queue_;                      // not yet taken by a worker
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::condition_variable batch_done_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace stixkit::stix

#endif  // STIXKIT_STIX_VALIDATE_ORDERED_PIPELINE_H_
