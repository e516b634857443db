namespace SparseDsl.Torch.Tests;

public class ShapeTests
{
    // [[0, 1, 2],
    //  [3, 4, 5]]
    private static torch.Tensor Sample() => arange(6).view(2, 3);

    [Fact]
    public void Reshapes_and_dimension_moves_give_the_expected_layout()
    {
        using var scope = NewDisposeScope();
        var x = Sample();
        Assert.Equal([3L, 2L], x.view(3, -1).shape);
        Assert.Equal([6L], reshape(x, -1).shape);
        Assert.Equal([6L], x.flatten().shape);
        Assert.Equal([2L, 3L], arange(6).view(2, 3, 1).flatten(1).shape);
        Assert.Equal([6L, 1L], flatten(arange(6).view(2, 3, 1), 0, 1).shape);
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, x.permute(1, 0).contiguous().data<long>());
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, permute(x, 1, 0).reshape(6).data<long>());
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, transpose(x, 0, 1).reshape(-1).data<long>());
        Assert.Equal([3L, 2L], x.t().shape);
        Assert.Equal([3L, 2L], t(x).shape);
        Assert.Equal([2L, 3L], x.transpose(-1, -2).transpose(0, 1).shape);

        var u = x.unsqueeze(0);
        Assert.Equal([1L, 2L, 3L], u.shape);
        Assert.Equal([2L, 1L, 3L], unsqueeze(x, 1).shape);
        Assert.Equal([2L, 3L], u.squeeze().shape);
        Assert.Equal([2L, 3L], squeeze(u, 0).shape);
        Assert.Equal([1L, 2L, 3L], u.squeeze(1).shape);
        Assert.Equal([2L, 3L], squeeze(u).shape);
    }

    [Fact]
    public void Views_share_storage_with_their_source()
    {
        using var scope = NewDisposeScope();
        var x = Sample();
        x.view(-1).narrow(0, 0, 2).fill_(9);
        x.select(0, 1).slice(0, 0, 3, 2).zero_();
        Assert.Equal(new long[] { 9, 9, 2, 0, 4, 0 }, x.data<long>());
    }

    [Fact]
    public void Joins_splits_and_selections_pick_the_expected_elements()
    {
        using var scope = NewDisposeScope();
        var x = Sample();
        var y = arange(6, 12).view(2, 3);
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, cat([x, y]).data<long>());
        Assert.Equal([4L, 3L], cat([x, y]).shape);
        Assert.Equal(new long[] { 0, 1, 2, 6, 7, 8, 3, 4, 5, 9, 10, 11 }, cat(new List<torch.Tensor> { x, y }, 1).data<long>());
        Assert.Equal([2L, 2L, 3L], stack([x, y]).shape);
        Assert.Equal([2L, 3L, 2L], stack(new[] { x, y }, dim: 2).shape);
        Assert.Equal(new long[] { 0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11 }, stack(new List<torch.Tensor> { x, y }, 2).data<long>());
        Assert.Throws<TorchException>(() => stack([x, arange(2)]));
        // More tensors than fit the stack buffer of native pointers.
        var many = Enumerable.Range(0, 100).Select(i => full([1], i, int64)).ToArray();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i).ToArray(), cat(many).data<long>());

        var index = tensor(new long[] { 2, 0 });
        Assert.Equal(new long[] { 2, 0, 5, 3 }, x.index_select(1, index).data<long>());
        Assert.Equal(new long[] { 3, 4, 5 }, index_select(x, 0, tensor(new long[] { 1 })).data<long>());
        Assert.Equal(new long[] { 1, 2, 4, 5 }, narrow(x, 1, 1, 2).data<long>());
        Assert.Equal(new long[] { 1, 4 }, x.select(1, 1).data<long>());
        Assert.Equal(new long[] { 3, 4, 5 }, select(x, 0, -1).data<long>());
        Assert.Equal(new long[] { 0, 2, 3, 5 }, x.slice(1, 0, 3, 2).data<long>());

        // gather: out[i][j] = x[i][index[i][j]] along dim 1.
        var picks = tensor(new long[] { 2, 0, 1, 1 }, [2, 2]);
        Assert.Equal(new long[] { 2, 0, 4, 4 }, x.gather(1, picks).data<long>());
        Assert.Equal(new long[] { 3, 1 }, gather(x, 0, tensor(new long[] { 1, 0 }, [1, 2])).data<long>());

        var row = tensor(new long[] { 1, 2 }, [1, 2]);
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2 }, row.expand(3, -1).data<long>());
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2, 1, 2 }, row.repeat(2, 2).data<long>());
        Assert.Equal([2L, 4L], row.repeat(2, 2).shape);
    }

    [Fact]
    public void Split_and_chunk_return_every_part()
    {
        using var scope = NewDisposeScope();
        var values = arange(7);
        var bySize = values.split(3);
        Assert.Equal(3, bySize.Length);
        Assert.Equal(new long[] { 6 }, bySize[2].data<long>());
        var bySizes = split(values, [2, 5]);
        Assert.Equal(new long[] { 0, 1 }, bySizes[0].data<long>());
        Assert.Equal(new long[] { 2, 3, 4, 5, 6 }, bySizes[1].data<long>());
        Assert.Throws<TorchException>(() => values.split([2, 2]));

        var columns = Sample().split(1, dim: 1);
        Assert.Equal(3, columns.Length);
        Assert.Equal(new long[] { 2, 5 }, columns[2].data<long>());
        Assert.Equal(2, split(Sample(), 2, 1).Length);

        var chunks = values.chunk(3);
        Assert.Equal([3L, 3L, 1L], chunks.Select(c => c.numel()).ToArray());
        Assert.Equal(2, chunk(Sample(), 2).Length);
        Assert.Equal(new long[] { 3, 4, 5 }, chunk(Sample(), 2, 0)[1].data<long>());
    }
}
