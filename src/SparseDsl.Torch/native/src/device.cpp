// CUDA queries and CPU thread settings. CUDA is reached only through ATen's CUDA hooks, which a CPU-only
// libtorch implements as "no CUDA": the shim needs no CUDA headers and runs against either build.
#include "shim.h"

SDT_API int sdt_cuda_is_available(int* out) {
    SDT_STATUS(*out = at::hasCUDA() && at::detail::getCUDAHooks().getNumGPUs() > 0 ? 1 : 0)
}

SDT_API int sdt_cuda_device_count(int* out) {
    SDT_STATUS(*out = at::hasCUDA() ? at::detail::getCUDAHooks().getNumGPUs() : 0)
}

// Waits for all work queued on a CUDA device (index < 0: the current one). Nothing to wait for without CUDA.
SDT_API int sdt_cuda_synchronize(int64_t device_index) {
    SDT_STATUS(if (at::hasCUDA()) at::detail::getCUDAHooks().deviceSynchronize(device_index))
}

SDT_API int sdt_set_num_threads(int n) {
    SDT_STATUS(if (n <= 0) throw std::invalid_argument("Expected positive number of threads"); at::set_num_threads(n))
}
SDT_API int sdt_get_num_threads(int* out) { SDT_STATUS(*out = at::get_num_threads()) }
SDT_API int sdt_set_num_interop_threads(int n) { SDT_STATUS(at::set_num_interop_threads(n)) }
SDT_API int sdt_get_num_interop_threads(int* out) { SDT_STATUS(*out = at::get_num_interop_threads()) }

void sdt::require_device(const at::Device& device) {
    if (device.is_cuda() && !at::hasCUDA())
        throw std::runtime_error("Cannot use device " + device.str() +
                                 ": CUDA is not available (this libtorch was built without CUDA, or no CUDA device is "
                                 "visible); torch.cuda.is_available() is false. Use the CPU device instead.");
}
