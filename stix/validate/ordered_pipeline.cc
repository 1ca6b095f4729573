#include "stix/validate/ordered_pipeline.h"

namespace stixkit::stix {
namespace {

// Objects per batch: large enough that locking is rare, small enough that results
// flow out steadily.
constexpr size_t kBatchSize = 256;
// Batches in flight per worker: bounds memory while keeping every core busy.
constexpr size_t kBatchesPerWorker = 4;

}  // namespace

OrderedPipeline::OrderedPipeline(int jobs, ProcessFn process, ConsumeFn consume)
    : process_(std::move(process)), consume_(std::move(consume)), jobs_(jobs < 1 ? 1 : jobs) {
  if (jobs_ > 1) {
    for (int i = 0; i < jobs_; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }
}

OrderedPipeline::~OrderedPipeline() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (auto& t : workers_) t.join();
}

void OrderedPipeline::Push(const JsonSpan& span, size_t index) {
  if (jobs_ == 1) {
    ObjectResult result;
    result.index = index;
    process_(span, &result);
    consume_(std::move(result));
    return;
  }
  if (!filling_) filling_ = std::make_unique<Batch>();
  filling_->spans.push_back(span);
  filling_->indexes.push_back(index);
  if (filling_->spans.size() >= kBatchSize) Submit();
}

void OrderedPipeline::Submit() {
  if (!filling_ || filling_->spans.empty()) return;
  ConsumeReady(/*wait_for_all=*/false);
  {
    std::unique_lock<std::mutex> lock(mu_);
    // Back-pressure: wait for the oldest batch before taking on more.
    while (in_flight_.size() >= kBatchesPerWorker * static_cast<size_t>(jobs_)) {
      batch_done_.wait(lock, [&] { return in_flight_.front()->done; });
      lock.unlock();
      ConsumeReady(false);
      lock.lock();
    }
    queue_.push_back(filling_.get());
    in_flight_.push_back(std::move(filling_));
  }
  work_ready_.notify_one();
}

void OrderedPipeline::ConsumeReady(bool wait_for_all) {
  while (true) {
    std::unique_ptr<Batch> batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (in_flight_.empty()) return;
      if (wait_for_all) batch_done_.wait(lock, [&] { return in_flight_.front()->done; });
      if (!in_flight_.front()->done) return;
      batch = std::move(in_flight_.front());
      in_flight_.pop_front();
    }
    for (ObjectResult& r : batch->results) consume_(std::move(r));
  }
}

void OrderedPipeline::WorkerLoop() {
  while (true) {
    Batch* batch;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      batch = queue_.front();
      queue_.pop_front();
    }
    batch->results.resize(batch->spans.size());
    for (size_t i = 0; i < batch->spans.size(); ++i) {
      batch->results[i].index = batch->indexes[i];
      process_(batch->spans[i], &batch->results[i]);
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      batch->done = true;
    }
    batch_done_.notify_all();
  }
}

void OrderedPipeline::Finish() {
  if (jobs_ == 1) return;
  Submit();
  ConsumeReady(/*wait_for_all=*/true);
}

}  // namespace stixkit::stix
