// The process group behind the shim's opaque group pointer (distributed.cpp makes it; grad_reducer.cpp uses it).
#pragma once

#include <torch/csrc/distributed/c10d/Store.hpp>
#include <torch/csrc/distributed/c10d/Types.hpp>
#include <torch/csrc/distributed/c10d/Work.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace sdt {
using Work = c10::intrusive_ptr<c10d::Work>;

// The backend behind type-erased calls: c10d's class hierarchy differs between libtorch 1.x (ProcessGroup)
// and 2.x (Backend), but both backends have these three members with the same signatures.
struct ProcessGroupHandle {
    std::string backend;
    int rank = 0;
    int size = 1;
    c10::intrusive_ptr<c10d::Store> store;
    std::function<Work(std::vector<at::Tensor>&, const c10d::AllreduceOptions&)> allreduce;
    std::function<Work(std::vector<at::Tensor>&, const c10d::BroadcastOptions&)> broadcast;
    std::function<Work(const c10d::BarrierOptions&)> barrier;
};

inline ProcessGroupHandle& group_of(void* group) {
    if (!group) throw std::runtime_error("the process group is not initialised (call init_process_group first)");
    return *static_cast<ProcessGroupHandle*>(group);
}
}  // namespace sdt
