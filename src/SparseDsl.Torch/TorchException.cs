namespace SparseDsl.Torch;

/// <summary>An error raised by libtorch (shape mismatch, bad dtype, out of memory…), carrying libtorch's own message.</summary>
public sealed class TorchException(string message) : Exception(message);
