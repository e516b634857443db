// torch.nn.init: in-place initialisers. torch::nn::init runs each under a no-grad guard, so they work on parameters.
#include "shim.h"

namespace {
namespace init = torch::nn::init;

// Codes as torch.nn.init.NonlinearityType on the C# side.
init::NonlinearityType nonlinearity(int code) {
    switch (code) {
        case 0: return torch::kLinear;
        case 1: return torch::kConv1D;
        case 2: return torch::kConv2D;
        case 3: return torch::kConv3D;
        case 4: return torch::kConvTranspose1D;
        case 5: return torch::kConvTranspose2D;
        case 6: return torch::kConvTranspose3D;
        case 7: return torch::kSigmoid;
        case 8: return torch::kTanh;
        case 9: return torch::kReLU;
        case 10: return torch::kLeakyReLU;
        default: throw std::invalid_argument("unknown nonlinearity code " + std::to_string(code));
    }
}

init::FanModeType fan_mode(int code) {
    switch (code) {
        case 0: return torch::kFanIn;
        case 1: return torch::kFanOut;
        default: throw std::invalid_argument("unknown fan mode code " + std::to_string(code));
    }
}
}  // namespace

SDT_API int sdt_init_calculate_gain(int nonlinearity_code, double param, double* out) {
    SDT_STATUS(*out = init::calculate_gain(nonlinearity(nonlinearity_code), param))
}

SDT_API int sdt_init_fan_in_and_fan_out(Tensor t, int64_t* fan_in, int64_t* fan_out) {
    SDT_STATUS(std::tie(*fan_in, *fan_out) = init::_calculate_fan_in_and_fan_out(*t))
}

SDT_API int sdt_init_kaiming_normal_(Tensor t, double a, int mode, int nonlinearity_code) {
    SDT_STATUS(init::kaiming_normal_(*t, a, fan_mode(mode), nonlinearity(nonlinearity_code)))
}
SDT_API int sdt_init_kaiming_uniform_(Tensor t, double a, int mode, int nonlinearity_code) {
    SDT_STATUS(init::kaiming_uniform_(*t, a, fan_mode(mode), nonlinearity(nonlinearity_code)))
}
SDT_API int sdt_init_xavier_normal_(Tensor t, double gain) { SDT_STATUS(init::xavier_normal_(*t, gain)) }
SDT_API int sdt_init_xavier_uniform_(Tensor t, double gain) { SDT_STATUS(init::xavier_uniform_(*t, gain)) }
SDT_API int sdt_init_normal_(Tensor t, double mean, double std) { SDT_STATUS(init::normal_(*t, mean, std)) }
SDT_API int sdt_init_uniform_(Tensor t, double low, double high) { SDT_STATUS(init::uniform_(*t, low, high)) }
SDT_API int sdt_init_constant_(Tensor t, double value) { SDT_STATUS(init::constant_(*t, value)) }
SDT_API int sdt_init_zeros_(Tensor t) { SDT_STATUS(init::zeros_(*t)) }
SDT_API int sdt_init_ones_(Tensor t) { SDT_STATUS(init::ones_(*t)) }
