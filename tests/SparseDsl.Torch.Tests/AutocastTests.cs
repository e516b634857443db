namespace SparseDsl.Torch.Tests;

public class AutocastTests
{
    private static Tensor Input() => tensor([.. Enumerable.Range(0, 12).Select(i => (i - 6) / 7f)], [2, 6]);
    private static nn.Parameter Weight() => new(tensor([.. Enumerable.Range(0, 18).Select(i => (i - 9) / 13f)], [3, 6]));
    private static nn.Parameter Bias() => new(tensor([0.125f, -0.25f, 0.375f]));

    // Reference values from PyTorch 1.13 (/usr/bin/python3), float32 printed with numpy's shortest repr:
    //   x = ((torch.arange(12.) - 6) / 7).reshape(2, 6); w = ((torch.arange(18.) - 9) / 13).reshape(3, 6).requires_grad_()
    //   b = torch.tensor([0.125, -0.25, 0.375], requires_grad=True)
    //   with torch.autocast("cpu", dtype=torch.bfloat16):
    //       y = F.linear(x, w, b); loss = F.cross_entropy(y, torch.tensor([0, 2]))
    //   loss.backward(); print(y, loss, w.grad)
    [Fact]
    public void Linear_and_loss_under_cpu_autocast_equal_pytorch_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        var (x, w, b) = (Input(), Weight(), Bias());
        Tensor y, loss;
        using (autocast(DeviceType.CPU))
        {
            y = nn.functional.linear(x, w, b);
            loss = nn.functional.cross_entropy(y, tensor(new long[] { 0, 2 }));
        }
        Assert.Equal(ScalarType.BFloat16, y.dtype);
        Assert.Equal(ScalarType.Float32, loss.dtype);
        Assert.Equal([1.8125f, 0.057373047f, -0.69921875f, -0.75390625f, -0.13964844f, 1.4765625f], y.to(ScalarType.Float32).data<float>());
        Assert.Equal(0.24670833349227905f, loss.item<float>());
        loss.backward();
        var grad = w.grad!;
        Assert.Equal(ScalarType.Float32, grad.dtype);
        Assert.Equal([0.08642578125f, 0.078125f, 0.0693359375f, 0.06103515625f, 0.05224609375f, 0.0439453125f],
            grad.reshape(-1).data<float>().Take(6).ToArray());
    }

    [Fact]
    public void Regions_nest_and_each_restores_the_state_it_found()
    {
        Assert.False(is_autocast_enabled(DeviceType.CPU));
        using (autocast(DeviceType.CPU))
        {
            Assert.True(is_autocast_enabled(DeviceType.CPU));
            Assert.Equal(ScalarType.BFloat16, get_autocast_dtype(DeviceType.CPU));
            using (autocast(DeviceType.CPU, enabled: false))
            {
                Assert.False(is_autocast_enabled(DeviceType.CPU));
                using var scope = NewDisposeScope();
                Assert.Equal(ScalarType.Float32, nn.functional.linear(Input(), Weight()).dtype);
            }
            Assert.True(is_autocast_enabled(DeviceType.CPU));
        }
        Assert.False(is_autocast_enabled(DeviceType.CPU));
    }

    [Fact]
    public void A_weight_changed_between_two_regions_is_seen_by_the_second()
    {
        // Autocast caches the low-precision copy of each float32 leaf weight; closing the outermost region must drop
        // the cache, or the second forward would reuse the copy made before the in-place update.
        using var scope = NewDisposeScope();
        var (x, w) = (Input(), Weight());
        float first, second;
        using (autocast(DeviceType.CPU)) first = nn.functional.linear(x, w).sum().to(ScalarType.Float32).item<float>();
        using (no_grad()) w.add_(1.0);
        using (autocast(DeviceType.CPU)) second = nn.functional.linear(x, w).sum().to(ScalarType.Float32).item<float>();
        var expected = nn.functional.linear(x, w).sum().item<float>();
        Assert.NotEqual(first, second);
        Assert.Equal(expected, second, 0.05f);
    }

    [Fact]
    public void Float16_on_the_cpu_is_refused_with_the_supported_type_named()
    {
        var error = Assert.Throws<ArgumentException>(() => autocast(DeviceType.CPU, ScalarType.Float16));
        Assert.Contains("BFloat16", error.Message);
        Assert.False(is_autocast_enabled(DeviceType.CPU));
    }
}
