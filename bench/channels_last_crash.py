#!/usr/bin/python3
"""Why SparseDsl refuses Runtime:MemoryFormat=channels_last on the CPU (src/SparseDsl/Training/ChannelsLast.cs):
with Debian's PyTorch/libtorch 1.13 (oneDNN), the backward pass of a channels-last 1x1 stride-2 convolution — a
CIFAR-style ResNet's projection shortcut — on a batch of 51 aborts with heap corruption ("free(): invalid next
size"), in PyTorch itself, no SparseDsl involved. Batches of 32, 50, 52, 64 and 128 pass; a run's last partial
batch can be any size. Run: bench/channels_last_crash.py [batch]   (exit status 134 = the abort)."""
import sys
import torch
import torch.nn as nn

torch.set_num_threads(2)
torch.manual_seed(0)
batch = int(sys.argv[1]) if len(sys.argv) > 1 else 51
shortcut = nn.Conv2d(8, 16, kernel_size=1, stride=2, bias=False).to(memory_format=torch.channels_last)
x = torch.randn(batch, 8, 28, 28).contiguous(memory_format=torch.channels_last).requires_grad_(True)
shortcut(x).sum().backward()
print(f"torch {torch.__version__}: batch {batch} passed")
