using SparseDsl.Torch.Modules;

namespace SparseDsl.Torch.Tests;

public class MemoryFormatTests
{
    [Fact]
    public void Channels_last_keeps_every_value_and_changes_only_the_strides()
    {
        using var scope = NewDisposeScope();
        var x = tensor(FunctionalTests.Seq(120, 3, 11, 7, 2), [2, 3, 4, 5]);
        Assert.True(x.is_contiguous());
        Assert.False(x.is_contiguous(MemoryFormat.ChannelsLast));

        var nhwc = x.contiguous(MemoryFormat.ChannelsLast);
        Assert.True(nhwc.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.False(nhwc.is_contiguous());
        Assert.Equal(x.shape, nhwc.shape);
        Assert.Equal(x.data<float>(), nhwc.data<float>());  // read back in the logical (NCHW) order
        Assert.Equal(x.data<float>(), nhwc.contiguous(MemoryFormat.Contiguous).data<float>());
    }

    [Fact]
    public void Channels_last_needs_four_dimensions()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<TorchException>(() => ones(2, 3).contiguous(MemoryFormat.ChannelsLast));
        Assert.Contains("rank 4", e.Message);
    }

    [Fact]
    public void Module_to_channels_last_relays_four_dimensional_tensors_in_place_and_computes_the_same()
    {
        using var scope = NewDisposeScope();
        using var net = nn.Sequential(nn.Conv2d(3, 4, 3, padding: 1), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 5 * 5, 2));
        var x = tensor(FunctionalTests.Seq(150, 5, 13, 3, 4), [2, 3, 5, 5]);
        var before = net.call(x).data<float>();
        var parameters = net.parameters().ToList();
        var values = parameters.Select(p => p.data<float>()).ToList();

        Assert.Same(net, net.to(MemoryFormat.ChannelsLast));

        Assert.Equal(parameters, net.parameters());  // same objects: an optimizer made later sees them
        Assert.Equal(values, net.parameters().Select(p => p.data<float>()));
        var conv = (Conv2d)net[0];
        Assert.True(conv.weight.is_contiguous(MemoryFormat.ChannelsLast));
        Assert.True(conv.weight.requires_grad);
        Assert.True(((Linear)net[4]).weight.is_contiguous());  // 2-D: left alone
        Assert.Equal(before, net.call(x).data<float>(), new FloatTolerance(1e-5f));

        net.to(MemoryFormat.Contiguous);
        Assert.True(conv.weight.is_contiguous());
        Assert.Equal(values, net.parameters().Select(p => p.data<float>()));
    }
}
