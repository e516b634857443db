// Data-parallel gradient averaging overlapped with the backward pass, as PyTorch's DistributedDataParallel does it:
// a post-hook on every parameter's gradient accumulator marks the parameter ready once its gradient is accumulated
// into .grad; when every parameter of a bucket is ready, the bucket's gradients are flattened and its all-reduce
// (SUM) starts while backward goes on computing the earlier layers' gradients. finish() (after backward) waits for
// every bucket, divides by the world size and copies the averages back into .grad.
//
// libtorch 1.x and 2.x: only APIs that exist unchanged in both are used (checked against libtorch 1.13's headers
// here and against pytorch/pytorch main's torch/csrc/autograd/{function_hook.h,function.h,variable.h}):
//   * torch::autograd::FunctionPostHook with `variable_list operator()(const variable_list& outputs,
//     const variable_list& inputs)` (2.x adds compiled_args with a default body, used by compiled autograd only);
//   * Node::add_post_hook(std::unique_ptr<FunctionPostHook>&&) returning a uintptr_t key, and del_post_hook(key);
//   * torch::autograd::impl::grad_accumulator(variable) returning std::shared_ptr<Node>, which the variable holds
//     only weakly: we keep it alive, or the next forward would make a fresh accumulator without our hook.
// c10d::Reducer, which does all this in PyTorch, is not used: its ProcessGroup/Backend wiring differs between 1.x
// and 2.x; the all-reduce goes through the process group's type-erased member (process_group.h) instead.
#include "shim.h"
#include "process_group.h"

#include <torch/csrc/autograd/function.h>
#include <torch/csrc/autograd/function_hook.h>
#include <torch/csrc/autograd/variable.h>

#include <algorithm>
#include <exception>
#include <mutex>

namespace {
using torch::autograd::variable_list;

// PyTorch's DDP caps the first bucket (the last layers' gradients, ready first) at 1 MiB, so that communication
// starts as early as possible in the backward pass.
constexpr int64_t kFirstBucketBytes = 1024 * 1024;

struct Bucket {
    std::vector<size_t> params;  // indexes of its parameters, in packing order
    size_t pending = 0;          // of them, how many still await their gradient in this step
    at::Tensor flat;             // the flattened gradients being reduced (defined from launch to finish)
    sdt::Work work;
};

class GradReducer {
public:
    GradReducer(const sdt::ProcessGroupHandle& group, std::vector<at::Tensor> params, std::vector<std::string> names,
                int64_t bucket_bytes)
        : allreduce_(group.allreduce), world_size_(group.size), params_(std::move(params)), names_(std::move(names)) {
        if (bucket_bytes <= 0) throw std::invalid_argument("bucket size must be positive");
        form_buckets(bucket_bytes);
        ready_.assign(params_.size(), false);
        reset();
    }

    GradReducer(const GradReducer&) = delete;
    GradReducer& operator=(const GradReducer&) = delete;

    ~GradReducer() {
        // Without its hook, an accumulator that outlives us (the graph of a pending backward) never calls us again.
        for (size_t i = 0; i < accumulators_.size(); ++i) accumulators_[i]->del_post_hook(hook_keys_[i]);
    }

    // Registers the hooks; separate from the constructor so that `this` is complete when the hooks capture it.
    void register_hooks();

    // Called by the autograd engine (possibly on a device thread) once parameter `index` has its gradient. Never
    // throws into the engine: a failure is kept and rethrown by finish().
    void mark_ready(size_t index) noexcept {
        std::lock_guard<std::mutex> lock(mutex_);
        try {
            if (ready_[index])
                throw std::runtime_error("parameter '" + names_[index] + "' received a gradient twice before the gradients "
                                         "were averaged: call wait_for_gradients after every backward pass (accumulating "
                                         "gradients over several backward passes is not supported)");
            ready_[index] = true;
            if (--buckets_[bucket_of_[index]].pending == 0) launch_ready_buckets();
        } catch (...) {
            if (!error_) error_ = std::current_exception();
        }
    }

    // After backward: waits for every bucket's all-reduce, writes the averages into .grad and resets for the next
    // step. A failure (a hook's, a parameter without gradient, the collective's) is thrown after the reset.
    void finish() {
        std::lock_guard<std::mutex> lock(mutex_);
        launched_before_finish_ = static_cast<int>(next_bucket_);
        try {
            if (error_) std::rethrow_exception(error_);
            if (next_bucket_ < buckets_.size()) throw std::runtime_error(missing_gradients());
            at::NoGradGuard no_grad;
            for (auto& bucket : buckets_) {
                bucket.work->wait();
                bucket.flat.div_(static_cast<double>(world_size_));
                int64_t offset = 0;
                for (auto i : bucket.params) {
                    const at::Tensor& grad = params_[i].grad();
                    const auto count = grad.numel();
                    grad.copy_(bucket.flat.narrow(0, offset, count).view(grad.sizes()));
                    offset += count;
                }
            }
        } catch (...) {
            reset();
            throw;
        }
        reset();
    }

    int bucket_count() const { return static_cast<int>(buckets_.size()); }
    int launched_before_finish() const { return launched_before_finish_; }

    // What the reducer still holds between steps (0 after every finish): ready marks, flat buffers, pending works.
    int held_state() {
        std::lock_guard<std::mutex> lock(mutex_);
        int held = static_cast<int>(std::count(ready_.begin(), ready_.end(), true)) + (error_ ? 1 : 0);
        for (const auto& bucket : buckets_) held += (bucket.flat.defined() ? 1 : 0) + (bucket.work ? 1 : 0);
        return held + static_cast<int>(next_bucket_);
    }

private:
    // Buckets in reverse parameter order (gradients become ready roughly from the last layer back), as DDP: runs of
    // one dtype and device up to the cap (the first bucket up to kFirstBucketBytes), at least one parameter each.
    void form_buckets(int64_t bucket_bytes) {
        bucket_of_.assign(params_.size(), 0);
        int64_t filled = 0;
        for (size_t k = params_.size(); k-- > 0;) {
            const at::Tensor& p = params_[k];
            const auto bytes = static_cast<int64_t>(p.numel() * p.element_size());
            const int64_t cap = buckets_.size() == 1 ? std::min(bucket_bytes, kFirstBucketBytes) : bucket_bytes;
            bool fresh = buckets_.empty() || filled + bytes > cap ||
                         params_[buckets_.back().params.front()].scalar_type() != p.scalar_type() ||
                         params_[buckets_.back().params.front()].device() != p.device();
            if (fresh) {
                buckets_.emplace_back();
                filled = 0;
            }
            buckets_.back().params.push_back(k);
            bucket_of_[k] = buckets_.size() - 1;
            filled += bytes;
        }
    }

    // Starts the all-reduce of every complete bucket in index order, stopping at the first incomplete one: c10d
    // matches collectives by the order in which each rank issues them, so every rank must launch bucket 0, 1, ...
    // in that order, whatever order its gradients arrive in.
    void launch_ready_buckets() {
        at::NoGradGuard no_grad;
        while (next_bucket_ < buckets_.size() && buckets_[next_bucket_].pending == 0) {
            auto& bucket = buckets_[next_bucket_];
            std::vector<at::Tensor> parts;
            parts.reserve(bucket.params.size());
            for (auto i : bucket.params) {
                const at::Tensor& grad = params_[i].grad();
                if (!grad.defined()) throw std::runtime_error("parameter '" + names_[i] + "' has no gradient after its accumulator ran");
                parts.push_back(grad.reshape({-1}));
            }
            std::vector<at::Tensor> flat{at::cat(parts)};
            bucket.flat = flat[0];
            bucket.work = allreduce_(flat, c10d::AllreduceOptions());  // SUM
            ++next_bucket_;
        }
    }

    std::string missing_gradients() const {
        std::string names;
        int missing = 0;
        for (size_t i = 0; i < params_.size(); ++i) {
            if (ready_[i]) continue;
            if (++missing <= 5) names += (names.empty() ? "'" : ", '") + names_[i] + "'";
        }
        if (missing > 5) names += " and " + std::to_string(missing - 5) + " more";
        return (missing == 1 ? "parameter " : "parameters ") + names + (missing == 1 ? " has" : " have") +
               " no gradient from this backward pass: with data parallelism every parameter must take part in the loss "
               "on every rank (leave unused parameters out of the model, or freeze them with requires_grad=false)";
    }

    void reset() {
        std::fill(ready_.begin(), ready_.end(), false);
        for (auto& bucket : buckets_) {
            bucket.pending = bucket.params.size();
            bucket.flat = at::Tensor();
            bucket.work.reset();
        }
        next_bucket_ = 0;
        error_ = nullptr;
    }

    std::function<sdt::Work(std::vector<at::Tensor>&, const c10d::AllreduceOptions&)> allreduce_;
    int world_size_;
    std::vector<at::Tensor> params_;
    std::vector<std::string> names_;
    std::vector<Bucket> buckets_;
    std::vector<size_t> bucket_of_;
    std::vector<std::shared_ptr<torch::autograd::Node>> accumulators_;
    std::vector<uintptr_t> hook_keys_;
    std::mutex mutex_;  // hooks may run on several autograd device threads at once
    std::vector<bool> ready_;
    size_t next_bucket_ = 0;
    std::exception_ptr error_;
    int launched_before_finish_ = 0;
};

struct ReadyHook final : torch::autograd::FunctionPostHook {
    ReadyHook(GradReducer* reducer, size_t index) : reducer(reducer), index(index) {}

    variable_list operator()(const variable_list& outputs, const variable_list& /* inputs */) override {
        reducer->mark_ready(index);
        return outputs;
    }

    GradReducer* reducer;  // outlives the hook: ~GradReducer deletes every hook it added
    size_t index;
};

void GradReducer::register_hooks() {
    for (size_t i = 0; i < params_.size(); ++i) {
        auto accumulator = torch::autograd::impl::grad_accumulator(params_[i]);
        if (!accumulator) throw std::invalid_argument("parameter '" + names_[i] + "' does not require a gradient");
        hook_keys_.push_back(accumulator->add_post_hook(std::make_unique<ReadyHook>(this, i)));
        accumulators_.push_back(std::move(accumulator));
    }
}

GradReducer& reducer_of(void* reducer) {
    if (!reducer) throw std::runtime_error("the gradient reducer is released");
    return *static_cast<GradReducer*>(reducer);
}
}  // namespace

// A reducer over the n parameters (leaf tensors that require a gradient; names for error messages), every rank
// passing the same ones in the same order, with buckets of at most bucket_bytes. Its hooks stay registered until
// sdt_grad_reducer_free.
SDT_API int sdt_grad_reducer_new(void* group, const Tensor* params, const char* const* names, int n, int64_t bucket_bytes,
                                 void** out) {
    SDT_STATUS(
        *out = nullptr;
        auto& g = sdt::group_of(group);
        if (n < 1) throw std::invalid_argument("the model has no parameters to average");
        std::vector<std::string> labels;
        for (int i = 0; i < n; ++i) labels.emplace_back(names && names[i] ? names[i] : "#" + std::to_string(i));
        auto reducer = std::make_unique<GradReducer>(g, sdt::tensors(params, n), std::move(labels), bucket_bytes);
        reducer->register_hooks();
        *out = reducer.release();)
}

// After backward: waits for the averaged gradients (see GradReducer::finish).
SDT_API int sdt_grad_reducer_finish(void* reducer) { SDT_STATUS(reducer_of(reducer).finish();) }

// buckets: how many buckets there are; launched: how many had started their all-reduce when the last finish began
// (during backward); held: state kept between steps, 0 after every finish.
SDT_API int sdt_grad_reducer_stats(void* reducer, int* buckets, int* launched, int* held) {
    SDT_STATUS(auto& r = reducer_of(reducer); *buckets = r.bucket_count(); *launched = r.launched_before_finish();
               *held = r.held_state();)
}

SDT_API void sdt_grad_reducer_free(void* reducer) { delete static_cast<GradReducer*>(reducer); }
