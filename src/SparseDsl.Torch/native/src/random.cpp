// Random number generation: generator objects, seeding, state save/restore, and random draws.
// A generator crosses the ABI as a heap-allocated at::Generator* (a reference-counted handle, so wrapping
// the default generator shares it). A null generator means libtorch's default one for the device.
#include "shim.h"

#include <ATen/CPUGeneratorImpl.h>
#include "like_options.h"

typedef at::Generator* Generator;

static c10::optional<at::Generator> optional_generator(Generator g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

SDT_API Generator sdt_generator_new_cpu(uint64_t seed) {
    try {
        return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
    } catch (const std::exception& e) {
        sdt::set_last_error(e.what());
    }
    return nullptr;
}

SDT_API void sdt_generator_free(Generator g) { delete g; }

// Generator methods take the generator's own mutex, as libtorch requires of callers touching its state.
SDT_API int sdt_generator_manual_seed(Generator g, uint64_t seed) {
    SDT_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); g->set_current_seed(seed))
}

SDT_API int sdt_generator_initial_seed(Generator g, uint64_t* out) {
    SDT_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); *out = g->current_seed())
}

// The full engine state as a byte tensor (includes the cached normal sample, so a restore resumes exactly).
SDT_API Tensor sdt_generator_get_state(Generator g) {
    SDT_TENSOR(([&] {
        std::lock_guard<std::mutex> lock(g->mutex());
        return g->get_state();
    })())
}

SDT_API int sdt_generator_set_state(Generator g, Tensor state) {
    SDT_STATUS(std::lock_guard<std::mutex> lock(g->mutex()); g->set_state(*state))
}

// A new handle to the default CPU generator (freeing it leaves the default generator alive).
SDT_API Generator sdt_generator_default_cpu() {
    try {
        return new at::Generator(at::detail::getDefaultCPUGenerator());
    } catch (const std::exception& e) {
        sdt::set_last_error(e.what());
    }
    return nullptr;
}

// Seeds the default generators of every device (CPU and, when present, CUDA), as torch.manual_seed does.
SDT_API int sdt_manual_seed(uint64_t seed) { SDT_STATUS(at::manual_seed(seed)) }

// torch:: (not at::) factories: they honour requires_grad in the options.
#define SDT_OPTIONS sdt::options(dtype, device_type, device_index, requires_grad)
#define SDT_CREATE_ARGS int8_t dtype, int device_type, int device_index, bool requires_grad

SDT_API Tensor sdt_rand(const int64_t* shape, int ndim, Generator g, SDT_CREATE_ARGS) {
    SDT_TENSOR(torch::rand(sdt::dims(shape, ndim), optional_generator(g), SDT_OPTIONS))
}

SDT_API Tensor sdt_randn(const int64_t* shape, int ndim, Generator g, SDT_CREATE_ARGS) {
    SDT_TENSOR(torch::randn(sdt::dims(shape, ndim), optional_generator(g), SDT_OPTIONS))
}

SDT_API Tensor sdt_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, Generator g, SDT_CREATE_ARGS) {
    SDT_TENSOR(torch::randint(low, high, sdt::dims(shape, ndim), optional_generator(g), SDT_OPTIONS))
}

// rand_like/randn_like with a generator: libtorch's *_like functions take none, so draw with the source's options.
SDT_API Tensor sdt_rand_like(Tensor t, Generator g, SDT_CREATE_ARGS) {
    SDT_TENSOR(torch::rand(t->sizes(), optional_generator(g), sdt::like_options(*t, dtype, device_type, device_index, requires_grad)))
}

SDT_API Tensor sdt_randn_like(Tensor t, Generator g, SDT_CREATE_ARGS) {
    SDT_TENSOR(torch::randn(t->sizes(), optional_generator(g), sdt::like_options(*t, dtype, device_type, device_index, requires_grad)))
}

// Draws 0/1 with the per-element probabilities held in `t`.
SDT_API Tensor sdt_tensor_bernoulli(Tensor t, Generator g) { SDT_TENSOR(at::bernoulli(*t, optional_generator(g))) }

// Fills `t` in place with 0/1 drawn with probability `p`, or with per-element probabilities `p_tensor` when given.
SDT_API int sdt_tensor_bernoulli_(Tensor t, double p, Tensor p_tensor, Generator g) {
    SDT_STATUS(if (p_tensor) t->bernoulli_(*p_tensor, optional_generator(g)); else t->bernoulli_(p, optional_generator(g)))
}
