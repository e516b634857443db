// torch.distributed through c10d: a TCPStore rendezvous and a Gloo (CPU) or NCCL (CUDA) process group, with
// all-reduce, broadcast and barrier (data-parallel gradient averaging: grad_reducer.cpp).
// Compiled against whatever c10d the libtorch has: Gloo when it was built with it (Debian's libtorch-dev is),
// NCCL only when CMake found it (SDT_HAVE_NCCL); a missing backend is a clear error at init, not a build failure.
#include "shim.h"
#include "process_group.h"

#ifdef SDT_HAVE_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#ifdef SDT_HAVE_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <cstdlib>
#include <functional>

namespace {
using sdt::group_of;
using sdt::ProcessGroupHandle;
using sdt::Work;

template <typename Group>
void bind(ProcessGroupHandle& handle, const c10::intrusive_ptr<Group>& group) {
    handle.allreduce = [group](std::vector<at::Tensor>& t, const c10d::AllreduceOptions& o) { return group->allreduce(t, o); };
    handle.broadcast = [group](std::vector<at::Tensor>& t, const c10d::BroadcastOptions& o) { return group->broadcast(t, o); };
    handle.barrier = [group](const c10d::BarrierOptions& o) { return group->barrier(o); };
}

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

#ifdef SDT_HAVE_GLOO
// Which local address Gloo binds: GLOO_SOCKET_IFNAME when set (as in PyTorch); every rank on this host when
// the master is a loopback address; else the address this host's name resolves to (PyTorch's default).
std::shared_ptr<::gloo::transport::Device> gloo_device(const std::string& master) {
    if (const char* iface = std::getenv("GLOO_SOCKET_IFNAME"); iface && *iface)
        return c10d::ProcessGroupGloo::createDeviceForInterface(iface);
    if (is_loopback(master)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    return c10d::ProcessGroupGloo::createDefaultDevice();
}
#endif

void wait_all(std::vector<Work>& works) {
    for (auto& work : works) work->wait();
}
}  // namespace

// Which backends this shim can start: bit 0 Gloo, bit 1 NCCL.
SDT_API int sdt_dist_backends(int* out) {
    SDT_STATUS(*out = 0;
#ifdef SDT_HAVE_GLOO
               *out |= 1;
#endif
#ifdef SDT_HAVE_NCCL
               *out |= 2;
#endif
    )
}

// Joins the group: rank 0 hosts the TCPStore at (master_addr, port) unless agent_store (torchrun's agent hosts
// it), every rank connects, then the backend's own rendezvous runs through the store. Blocks until all
// world_size ranks arrived or timeout_ms passed.
SDT_API int sdt_dist_init(const char* backend, const char* master_addr, int port, int rank, int world_size,
                          int64_t timeout_ms, bool agent_store, void** out) {
    SDT_STATUS(
        *out = nullptr;
        if (world_size < 1 || rank < 0 || rank >= world_size)
            throw std::invalid_argument("rank " + std::to_string(rank) + " is outside a world of size " + std::to_string(world_size));
        if (port <= 0 || port > 65535) throw std::invalid_argument("port " + std::to_string(port) + " is not in 1..65535");
        std::string name(backend ? backend : "");
        std::string host(master_addr ? master_addr : "");
        auto timeout = std::chrono::milliseconds(timeout_ms);
        c10d::TCPStoreOptions store_options;
        store_options.port = static_cast<std::uint16_t>(port);
        store_options.isServer = rank == 0 && !agent_store;
        store_options.numWorkers = static_cast<std::size_t>(world_size);
        store_options.waitWorkers = false;  // the backend's rendezvous below waits for every rank anyway
        store_options.timeout = timeout;
        auto handle = std::make_unique<ProcessGroupHandle>();
        handle->backend = name;
        handle->rank = rank;
        handle->size = world_size;
        handle->store = c10::make_intrusive<c10d::TCPStore>(host, store_options);
        if (name == "gloo") {
#ifdef SDT_HAVE_GLOO
            auto options = c10d::ProcessGroupGloo::Options::create(timeout);
            options->devices.push_back(gloo_device(host));
            options->threads = 2;
            bind(*handle, c10::make_intrusive<c10d::ProcessGroupGloo>(handle->store, rank, world_size, options));
#else
            throw std::runtime_error("backend 'gloo' is not available: this libtorch was built without Gloo, or its Gloo "
                                     "headers were not found when the shim was built (sudo apt-get install libgloo-dev)");
#endif
        } else if (name == "nccl") {
#ifdef SDT_HAVE_NCCL
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            bind(*handle, c10::make_intrusive<c10d::ProcessGroupNCCL>(handle->store, rank, world_size, options));
#else
            throw std::runtime_error("backend 'nccl' is not available: the shim was built without NCCL (it needs a CUDA "
                                     "libtorch built with NCCL and nccl.h at build time; see docs/gpu.md). Use 'gloo'.");
#endif
        } else {
            throw std::invalid_argument("unknown backend '" + name + "'; expected gloo or nccl");
        }
        *out = handle.release();)
}

SDT_API void sdt_dist_free(void* group) { delete static_cast<ProcessGroupHandle*>(group); }

// In-place all-reduce of each tensor (op: c10d::ReduceOp values SUM 0, PRODUCT 2, MIN 3, MAX 4).
SDT_API int sdt_dist_all_reduce(void* group, const Tensor* tensors, int n, int op) {
    SDT_STATUS(
        auto& g = group_of(group);
        if (op != 0 && op != 2 && op != 3 && op != 4)
            throw std::invalid_argument("reduce op " + std::to_string(op) + " is not one of SUM, PRODUCT, MIN, MAX");
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp(static_cast<c10d::ReduceOp::RedOpType>(op));
        std::vector<Work> works;
        for (int i = 0; i < n; ++i) {
            std::vector<at::Tensor> one{*tensors[i]};
            works.push_back(g.allreduce(one, options));
        }
        wait_all(works);)
}

// In-place broadcast of each tensor from rank root.
SDT_API int sdt_dist_broadcast(void* group, const Tensor* tensors, int n, int root) {
    SDT_STATUS(
        auto& g = group_of(group);
        if (root < 0 || root >= g.size) throw std::invalid_argument("root " + std::to_string(root) + " is not a rank");
        c10d::BroadcastOptions options;
        options.rootRank = root;
        std::vector<Work> works;
        for (int i = 0; i < n; ++i) {
            std::vector<at::Tensor> one{*tensors[i]};
            works.push_back(g.broadcast(one, options));
        }
        wait_all(works);)
}

SDT_API int sdt_dist_barrier(void* group) {
    SDT_STATUS(auto& g = group_of(group); g.barrier(c10d::BarrierOptions())->wait();)
}
