namespace SparseDsl.Torch.Tests;

public class CreationTests
{
    [Fact]
    public void Arange_counts_in_int64_for_integers_and_in_the_default_dtype_for_doubles()
    {
        using var scope = NewDisposeScope();
        var ints = arange(5);
        Assert.Equal(ScalarType.Int64, ints.dtype);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, ints.data<long>());
        Assert.Equal(new long[] { 1, 3, 5 }, arange(1, 7, 2).data<long>());
        Assert.Equal(new float[] { 1, 3, 5 }, arange(1, 7, 2, float32).data<float>());

        var floats = arange(0.0, 1.0, 0.25);
        Assert.Equal(ScalarType.Float32, floats.dtype);
        Assert.Equal(new float[] { 0, 0.25f, 0.5f, 0.75f }, floats.data<float>());
        Assert.Equal(new double[] { 0, 1, 2 }, arange(2.5, float64).data<double>());
    }

    [Fact]
    public void Like_functions_keep_shape_dtype_and_device_unless_told_otherwise()
    {
        using var scope = NewDisposeScope();
        var source = tensor(new double[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);

        var z = zeros_like(source);
        Assert.Equal([2L, 3L], z.shape);
        Assert.Equal(ScalarType.Float64, z.dtype);
        Assert.All(z.data<double>(), v => Assert.Equal(0.0, v));

        var o = source.ones_like(int32);
        Assert.Equal(ScalarType.Int32, o.dtype);
        Assert.All(o.data<int>(), v => Assert.Equal(1, v));

        var f = full_like(source, 7.5);
        Assert.All(f.data<double>(), v => Assert.Equal(7.5, v));

        var e = empty_like(source, device: CPU, requires_grad: true);
        Assert.Equal([2L, 3L], e.shape);
        Assert.True(e.requires_grad);
        Assert.Equal(DeviceType.CPU, e.device_type);
    }

    [Fact]
    public void Factories_can_make_tensors_that_require_grad()
    {
        using var scope = NewDisposeScope();
        Assert.True(zeros([2], requires_grad: true).requires_grad);
        Assert.True(arange(0.0, 3.0, requires_grad: true).requires_grad);
        Assert.True(ones_like(zeros(2), requires_grad: true).requires_grad);
    }

    [Fact]
    public void Clone_owns_its_storage_while_copy_zero_and_fill_write_into_the_same_tensor()
    {
        using var scope = NewDisposeScope();
        var source = tensor(new float[] { 1, 2, 3 });
        var copy = source.clone();
        copy.fill_(9);
        Assert.Equal(new float[] { 1, 2, 3 }, source.data<float>());
        Assert.Equal(new float[] { 9, 9, 9 }, copy.data<float>());
        Assert.Equal(new float[] { 9, 9, 9 }, clone(copy).data<float>());

        var target = zeros(3);
        Assert.Same(target, target.copy_(source));
        Assert.Equal(new float[] { 1, 2, 3 }, target.data<float>());
        Assert.Same(target, target.zero_());
        Assert.Equal(new float[] { 0, 0, 0 }, target.data<float>());
        Assert.Same(target, target.fill_(-2));
        Assert.Equal(new float[] { -2, -2, -2 }, target.data<float>());
    }

    [Fact]
    public void Contiguous_lays_a_transposed_view_out_in_row_major_order()
    {
        using var scope = NewDisposeScope();
        var transposed = arange(6).view(2, 3).t();
        var laidOut = transposed.contiguous();
        Assert.Equal([3L, 2L], laidOut.shape);
        // View of the laid-out storage: only a contiguous tensor can be viewed flat.
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, laidOut.view(-1).data<long>());
        Assert.Throws<TorchException>(() => transposed.view(-1));
    }
}
