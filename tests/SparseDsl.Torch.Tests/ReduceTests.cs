namespace SparseDsl.Torch.Tests;

public class ReduceTests
{
    // [[1, 5, 3],
    //  [4, 2, 6]]
    private static torch.Tensor Sample() => tensor(new float[] { 1, 5, 3, 4, 2, 6 }, [2, 3]);

    [Fact]
    public void Sums_means_and_products_reduce_all_or_some_dimensions()
    {
        using var scope = NewDisposeScope();
        var x = Sample();
        Assert.Equal(21f, x.sum().item<float>());
        Assert.Equal(new float[] { 5, 7, 9 }, x.sum(0).data<float>());
        Assert.Equal(new float[] { 9, 12 }, sum(x, 1).data<float>());
        Assert.Equal(new float[] { 5, 7, 9 }, sum(x, 0).data<float>());
        Assert.Equal(new float[] { 9, 12 }, x.sum(x.dim() - 1).data<float>());
        var kept = x.sum([0, 1], keepdim: true);
        Assert.Equal([1L, 1L], kept.shape);
        Assert.Equal(ScalarType.Float64, x.sum(type: float64).dtype);
        Assert.Equal(ScalarType.Int64, arange(3).sum().dtype);

        Assert.Equal(3.5f, mean(x).item<float>());
        Assert.Equal(new float[] { 3, 4 }, x.mean(1).data<float>());
        Assert.Equal(new float[] { 2.5f, 3.5f, 4.5f }, x.mean(0).data<float>());
        Assert.Equal(new float[] { 2.5f, 3.5f, 4.5f }, mean(x, 0).data<float>());
        Assert.Equal([1L, 3L], x.mean([0], keepdim: true).shape);
        Assert.Equal(1.0, arange(3).mean(float64).item<double>());

        Assert.Equal(720f, x.prod().item<float>());
        Assert.Equal(new float[] { 15, 48 }, prod(x, 1).data<float>());
        Assert.Equal(new float[] { 4, 10, 18 }, x.prod(0).data<float>());
        Assert.Equal(new float[] { 4, 10, 18 }, prod(x, 0).data<float>());
        Assert.Equal(new float[] { 1, 6, 9, 4, 6, 12 }, x.cumsum(1).data<float>());
        Assert.Equal(ScalarType.Float64, cumsum(x, 0, float64).dtype);
    }

    [Fact]
    public void Extrema_report_values_and_positions()
    {
        using var scope = NewDisposeScope();
        var x = Sample();
        Assert.Equal(6f, x.max().item<float>());
        Assert.Equal(1f, min(x).item<float>());
        var (maxValues, maxIndices) = x.max(1);
        Assert.Equal(new float[] { 5, 6 }, maxValues.data<float>());
        Assert.Equal(new long[] { 1, 2 }, maxIndices.data<long>());
        var (minValues, minIndices) = min(x, 0, keepdim: true);
        Assert.Equal([1L, 3L], minValues.shape);
        Assert.Equal(new float[] { 1, 2, 3 }, minValues.data<float>());
        Assert.Equal(new long[] { 0, 1, 0 }, minIndices.data<long>());
        Assert.Equal(new float[] { 4, 5, 6 }, max(x, 0).values.data<float>());

        Assert.Equal(5L, x.argmax().item<long>());
        Assert.Equal(0L, argmin(x).item<long>());
        Assert.Equal(new long[] { 1, 2 }, argmax(x, 1).data<long>());
        var argminKept = x.argmin(1, keepdim: true);
        Assert.Equal([2L, 1L], argminKept.shape);
        Assert.Equal(new long[] { 0, 1 }, argminKept.data<long>());
    }

    [Fact]
    public void Topk_and_sort_order_elements_along_a_dimension()
    {
        using var scope = NewDisposeScope();
        var x = Sample();
        var (top, topIndices) = x.topk(2, dim: 1);
        Assert.Equal(new float[] { 5, 3, 6, 4 }, top.data<float>());
        Assert.Equal(new long[] { 1, 2, 2, 0 }, topIndices.data<long>());
        var (smallest, smallestIndices) = topk(x.flatten(), 2, largest: false);
        Assert.Equal(new float[] { 1, 2 }, smallest.data<float>());
        Assert.Equal(new long[] { 0, 4 }, smallestIndices.data<long>());

        var (sorted, order) = x.sort();
        Assert.Equal(new float[] { 1, 3, 5, 2, 4, 6 }, sorted.data<float>());
        Assert.Equal(new long[] { 0, 2, 1, 1, 0, 2 }, order.data<long>());
        var (descending, _) = sort(x, 0, descending: true, stable: true);
        Assert.Equal(new float[] { 4, 5, 6, 1, 2, 3 }, descending.data<float>());
    }

    [Fact]
    public void Counts_spread_and_norms_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var x = Sample();
        var sparse = tensor(new float[] { 0, 1, 0, 2, 3, 0 }, [2, 3]);
        Assert.Equal(3L, sparse.count_nonzero());
        Assert.Equal(3L, count_nonzero(sparse));
        Assert.Equal(new long[] { 1, 2, 0 }, sparse.count_nonzero([0]).data<long>());
        Assert.Equal(new long[] { 1, 2 }, count_nonzero(sparse, [1]).data<long>());

        // Reference values from /usr/bin/python3 (PyTorch 1.13) on x = torch.tensor([[1.,5,3],[4,2,6]]):
        // x.std() x.var() x.std(unbiased=False) x.var(unbiased=False) x.std(1) x.var([1], unbiased=False) x.norm() x.norm(dim=1)
        Assert.Equal(1.8708287477493286, x.std().item<double>(), 1e-6);
        Assert.Equal(3.5, var(x).item<double>(), 1e-6);
        Assert.Equal(1.7078251838684082, std(x, unbiased: false).item<double>(), 1e-6);
        Assert.Equal(2.9166667461395264, x.var(unbiased: false).item<double>(), 1e-6);
        Assert.Equal(new float[] { 2, 2 }, x.std([1]).data<float>());
        Assert.Equal([2L, 1L], std(x, [1], keepdim: true).shape);
        var varRows = var(x, [1], unbiased: false).data<double>();
        Assert.Equal(2.6666667461395264, varRows[0], 1e-6);
        Assert.Equal([1L, 3L], x.var([0], keepdim: true).shape);

        Assert.Equal(9.539392471313477, x.norm().item<double>(), 1e-5);
        Assert.Equal(21.0, norm(x, 1).item<double>(), 1e-6);
        var rowNorms = x.norm([1]).data<double>();
        Assert.Equal(5.916079998016357, rowNorms[0], 1e-5);
        Assert.Equal(7.4833149909973145, rowNorms[1], 1e-5);
        Assert.Equal(new float[] { 9, 12 }, norm(x, [1], p: 1).data<float>());
    }
}
