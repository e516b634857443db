namespace SparseDsl.Torch;

/// <summary>
/// How a 4-D tensor's elements lie in memory, numbered as at::MemoryFormat so they cross the C ABI unchanged.
/// Channels-last (NHWC) lets oneDNN and cuDNN run convolutions without reordering their operands.
/// </summary>
public enum MemoryFormat : sbyte
{
    /// <summary>Row-major in the logical order (NCHW for images): PyTorch's default.</summary>
    Contiguous = 0,

    /// <summary>NHWC strides on an NCHW-shaped tensor (PyTorch's torch.channels_last); 4-D tensors only.</summary>
    ChannelsLast = 2,
}
