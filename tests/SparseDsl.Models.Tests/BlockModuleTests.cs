using F = SparseDsl.Torch.torch.nn.functional;

namespace SparseDsl.Models.Tests;

/// <summary>
/// The generated block modules compute what their reference implementations compute: each block is run against an
/// out-of-place re-implementation written here from the block's description, on the block's own parameters (eval mode,
/// so BatchNorm uses its running statistics and dropout is off), comparing outputs and gradients. This covers the
/// in-place ReLU and addition of the generated forward, the projection rule, the scaled channels and the
/// pre-activated projection of Wide ResNets.
/// </summary>
public class BlockModuleTests
{
    [Theory]
    [InlineData(8, 16, 2)]   // channels and stride change: 1×1 conv + BN projection
    [InlineData(16, 16, 1)]  // identity
    public void Basic_block(long inChannels, long channels, long stride) =>
        Check(new BasicBlockModule(inChannels, channels, stride), inChannels, (x, p) =>
        {
            var y = F.relu(p.Bn("bn1", p.Conv("conv1", x, stride, 1)));
            y = p.Bn("bn2", p.Conv("conv2", y, 1, 1));
            var shortcut = stride != 1 || inChannels != channels ? p.Bn("shortcut.bn", p.Conv("shortcut.conv", x, stride, 0)) : x;
            return F.relu(y + shortcut);
        });

    [Theory]
    [InlineData(16, 64, 2)]  // written for 256 outputs: inner width channels / 4
    [InlineData(64, 64, 1)]
    public void Bottleneck_block(long inChannels, long channels, long stride) =>
        Check(new BottleneckModule(inChannels, channels, stride), inChannels, (x, p) =>
        {
            Assert.Equal([channels / 4, inChannels, 1, 1], p.Shape("conv1.weight"));
            var y = F.relu(p.Bn("bn1", p.Conv("conv1", x, 1, 0)));
            y = F.relu(p.Bn("bn2", p.Conv("conv2", y, stride, 1)));
            y = p.Bn("bn3", p.Conv("conv3", y, 1, 0));
            var shortcut = stride != 1 || inChannels != channels ? p.Bn("shortcut.bn", p.Conv("shortcut.conv", x, stride, 0)) : x;
            return F.relu(y + shortcut);
        });

    [Theory]
    [InlineData(16, 32, 2)]  // projection of the pre-activated input, no BN
    [InlineData(32, 32, 1)]  // identity of the raw input
    public void Wide_pre_activation_block(long inChannels, long channels, long stride) =>
        Check(new WideBasicBlockModule(inChannels, channels, stride), inChannels, (x, p) =>
        {
            var preActivated = F.relu(p.Bn("bn1", x));
            var y = F.relu(p.Bn("bn2", p.Conv("conv1", preActivated, stride, 1)));
            y = p.Conv("conv2", y, 1, 1);
            var shortcut = stride != 1 || inChannels != channels ? p.Conv("shortcut.conv", preActivated, stride, 0) : x;
            return y + shortcut;
        });

    [Fact]
    public void Block_built_for_channels_its_convolutions_cannot_scale_to_is_refused()
    {
        // Bottleneck is written 64-64-256, so its inner width is channels / 4: 102 channels would give 25.5.
        var error = Assert.Throws<ArgumentException>(() => new BottleneckModule(64, 102, 1));
        Assert.Contains("use a multiple of 4", error.Message);
    }

    /// <summary>Runs <paramref name="block"/> and <paramref name="reference"/> on the same input and compares outputs and every gradient.</summary>
    private static void Check(Modeling.BlockModule block, long inChannels, Func<Tensor, Parameters, Tensor> reference)
    {
        using (block)
        {
            manual_seed(7);
            using var scope = NewDisposeScope();
            // Non-trivial running statistics, so that eval-mode BatchNorm is not the identity.
            foreach (var (name, buffer) in block.named_buffers())
                using (no_grad())
                    if (name.EndsWith("running_mean", StringComparison.Ordinal)) buffer.copy_(randn_like(buffer));
                    else if (name.EndsWith("running_var", StringComparison.Ordinal)) buffer.copy_(rand_like(buffer).add(0.5));
            block.eval();
            var input = randn(2, inChannels, 8, 8);
            var untouched = input.clone();
            var parameters = new Parameters(block);

            var actual = block.forward(input);
            actual.square().sum().backward();
            var actualGrads = block.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
            Assert.True(input.equal(untouched), "the block modified its input");

            block.zero_grad();
            var expected = reference(input, parameters);
            expected.square().sum().backward();
            Assert.True(actual.allclose(expected, rtol: 1e-5, atol: 1e-5), "outputs differ");
            foreach (var (name, parameter) in block.named_parameters())
                Assert.True(actualGrads[name].allclose(parameter.grad!, rtol: 1e-4, atol: 1e-4), $"gradients of {name} differ");
        }
    }

    /// <summary>The block's parameters and buffers by dotted name, with the functional layers of the references.</summary>
    private sealed class Parameters(nn.Module module)
    {
        private readonly Dictionary<string, Tensor> tensors = module.state_dict().ToDictionary(t => t.name, t => t.tensor);

        public long[] Shape(string name) => tensors[name].shape;

        public Tensor Conv(string name, Tensor x, long stride, long padding) => F.conv2d(x, tensors[name + ".weight"], null, stride, padding);

        public Tensor Bn(string name, Tensor x) =>
            F.batch_norm(x, tensors[name + ".running_mean"], tensors[name + ".running_var"], tensors[name + ".weight"], tensors[name + ".bias"], training: false);
    }
}
