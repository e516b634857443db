using SparseDsl.Modeling;
using SparseDsl.Sparsity.Criteria;

namespace SparseDsl.Tests;

/// <summary>SNIP, GraSP and SynFlow scores checked by hand, by finite differences and by SynFlow's conservation law.</summary>
public class CriteriaTests
{
    /// <summary>x → fc1 (3→2, no bias) → ReLU → fc2 (2→2, no bias): small enough to differentiate by hand.</summary>
    internal sealed class TwoLayerNet : SparseModule
    {
        private static readonly ModelInfo Layout = new("TwoLayerNet", [], [3],
        [
            new LayerInfo("fc1", LayerKind.Linear, [3], [2], [2, 3], 6, 6, true),
            new LayerInfo("relu1", LayerKind.ReLU, [2], [2], [], 0, 0, false),
            new LayerInfo("fc2", LayerKind.Linear, [2], [2], [2, 2], 4, 4, true),
        ]);

        private readonly MaskedLinear fc1;
        private readonly MaskedLinear fc2;

        public TwoLayerNet(float[] w1, float[] w2) : base("TwoLayerNet", Layout)
        {
            fc1 = Register("fc1", new MaskedLinear(3, 2, bias: false));
            fc2 = Register("fc2", new MaskedLinear(2, 2, bias: false));
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            fc1.weight.copy_(tensor(w1, [2, 3]));
            fc2.weight.copy_(tensor(w2, [2, 2]));
        }

        public override Tensor forward(Tensor x) => fc2.forward(nn.functional.relu(fc1.forward(x)));
    }

    /// <summary>[1, 4, 4] → conv (1→2, 3×3, no bias) → ReLU → flatten → fc (8→3, no bias): a conv net without biases.</summary>
    internal sealed class TinyConvNet : SparseModule
    {
        private static readonly ModelInfo Layout = new("TinyConvNet", [], [1, 4, 4],
        [
            new LayerInfo("conv1", LayerKind.Conv2d, [1, 4, 4], [2, 2, 2], [2, 1, 3, 3], 18, 72, true),
            new LayerInfo("relu1", LayerKind.ReLU, [2, 2, 2], [2, 2, 2], [], 0, 0, false),
            new LayerInfo("flatten1", LayerKind.Flatten, [2, 2, 2], [8], [], 0, 0, false),
            new LayerInfo("fc1", LayerKind.Linear, [8], [3], [3, 8], 24, 24, true),
        ]);

        private readonly MaskedConv2d conv1;
        private readonly MaskedLinear fc1;

        public TinyConvNet() : base("TinyConvNet", Layout)
        {
            conv1 = Register("conv1", new MaskedConv2d(1, 2, 3, bias: false));
            fc1 = Register("fc1", new MaskedLinear(8, 3, bias: false));
        }

        public override Tensor forward(Tensor x) => fc1.forward(nn.functional.relu(conv1.forward(x)).flatten(1));
    }

    private static readonly float[] W1 = [0.5f, -0.3f, 0.8f, -0.6f, 0.2f, 0.4f];
    private static readonly float[] W2 = [0.7f, -0.5f, -0.2f, 0.9f];
    private static readonly float[] X = [1.0f, 2.0f, -1.0f, 0.5f, -1.5f, 2.0f]; // two samples of 3 features
    private static readonly long[] Y = [1, 0];

    /// <summary>|∂L/∂W ⊙ W| for the mean cross-entropy of <see cref="TwoLayerNet"/>, back-propagated by hand in doubles.</summary>
    private static (double[] Fc1, double[] Fc2) HandSnipScores()
    {
        var g1 = new double[6];
        var g2 = new double[4];
        for (var b = 0; b < 2; b++)
        {
            var x = X.Skip(3 * b).Take(3).Select(v => (double)v).ToArray();
            var pre = new double[2];
            for (var j = 0; j < 2; j++) for (var k = 0; k < 3; k++) pre[j] += W1[3 * j + k] * x[k];
            var h = pre.Select(v => Math.Max(v, 0)).ToArray();
            var z = new double[2];
            for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++) z[i] += W2[2 * i + j] * h[j];
            var max = z.Max();
            var e = z.Select(v => Math.Exp(v - max)).ToArray();
            var dz = e.Select((v, i) => (v / e.Sum() - (i == Y[b] ? 1 : 0)) / 2).ToArray(); // mean over the batch of 2
            for (var i = 0; i < 2; i++) for (var j = 0; j < 2; j++) g2[2 * i + j] += dz[i] * h[j];
            for (var j = 0; j < 2; j++)
            {
                var dh = (pre[j] > 0 ? 1 : 0) * (W2[j] * dz[0] + W2[2 + j] * dz[1]);
                for (var k = 0; k < 3; k++) g1[3 * j + k] += dh * x[k];
            }
        }
        return ([.. g1.Select((g, i) => Math.Abs(g * W1[i]))], [.. g2.Select((g, i) => Math.Abs(g * W2[i]))]);
    }

    [Fact]
    public void Snip_scores_are_the_absolute_gradient_times_weight()
    {
        using var model = new TwoLayerNet(W1, W2);
        using var scope = NewDisposeScope();
        var scores = Snip.Scores(model, tensor(X, [2, 3]), tensor(Y, [2]));
        var (fc1, fc2) = HandSnipScores();
        Assert.Contains(fc1, s => s > 0);
        for (var i = 0; i < 6; i++) Assert.Equal(fc1[i], scores[0][i], 1e-6);
        for (var i = 0; i < 4; i++) Assert.Equal(fc2[i], scores[1][i], 1e-6);
        Assert.Null(model.MaskedLayers[0].Layer.weight.grad); // scoring leaves no gradient behind
    }

    [Fact]
    public void Snip_ratio_keeps_the_globally_largest_scores()
    {
        using var model = new TwoLayerNet(W1, W2);
        using var scope = NewDisposeScope();
        var (fc1, fc2) = HandSnipScores();
        // Keep ⌊10 · 0.4⌋ = 4 of the 10 weights: the 4 largest hand scores decide each layer's share (2 of 6, 2 of 4).
        // (At 0.5 the 5th and 6th scores tie exactly, and float rounding would decide.)
        var threshold = fc1.Concat(fc2).OrderDescending().ElementAt(3);
        var densities = CriterionRatios.Snip(model, tensor(X, [2, 3]), tensor(Y, [2]), 0.4, reinitialiseXavier: false);
        Assert.Equal([2 / 6.0, 2 / 4.0], densities);
        Assert.Equal(fc1.Count(s => s >= threshold) / 6.0, densities[0], 1e-12);
        Assert.Equal(fc2.Count(s => s >= threshold) / 4.0, densities[1], 1e-12);
    }

    [Fact]
    public void Grasp_second_order_term_matches_finite_differences()
    {
        // In float64, with temperature 2 so that the curvature is not negligible: Hg against
        // [G(w + εg) − G(w − εg)] / 2ε, with G = Σ over the two halves of the first-order gradient and g = G(w).
        using var model = new TwoLayerNet(W1, W2);
        using var scope = NewDisposeScope();
        foreach (var (_, t) in model.state_dict()) t.set_data(t.to(ScalarType.Float64));
        var x = tensor(new double[] { 1.0, 2.0, -1.0, 0.5, -1.5, 2.0, -0.7, 0.3, 1.2, 2.2, 0.4, -0.9 }, [4, 3]);
        var y = tensor(new long[] { 1, 0, 0, 1 }, [4]);
        const double temperature = 2;

        var hg = Grasp.HessianGradientProduct(model, x, y, temperature);

        var weights = model.MaskedLayers.Select(l => (Tensor)l.Layer.weight).ToList();
        Tensor[] G()
        {
            Tensor[]? sum = null;
            foreach (var (start, length) in new[] { (0L, 2L), (2L, 2L) })
            {
                var loss = nn.functional.cross_entropy(model.forward(x.narrow(0, start, length)).div(temperature), y.narrow(0, start, length));
                var g = torch.autograd.grad([loss], weights);
                sum = sum is null ? g : [.. sum.Zip(g, (a, b) => a.add(b))];
            }
            return sum!;
        }
        var direction = G().Select(g => g.detach()).ToArray();
        var origin = weights.Select(w => w.detach().clone()).ToArray();
        const double epsilon = 1e-6;
        Tensor[] At(double step)
        {
            using (no_grad())
                for (var i = 0; i < weights.Count; i++) weights[i].copy_(origin[i].add(direction[i].mul(step)));
            return G();
        }
        var plus = At(epsilon);
        var minus = At(-epsilon);
        At(0);

        var scale = hg.SelectMany(h => h).Max(Math.Abs);
        Assert.True(scale > 1e-3, $"the second-order term is too small to test ({scale})");
        for (var l = 0; l < hg.Length; l++)
        {
            var finite = plus[l].sub(minus[l]).div(2 * epsilon).data<double>();
            for (var i = 0; i < finite.Length; i++) Assert.Equal(finite[i], hg[l][i], 1e-6 * scale);
        }
    }

    [Fact]
    public void Grasp_scores_are_minus_weight_times_hessian_gradient_and_ratio_removes_the_largest()
    {
        using var model = new TwoLayerNet(W1, W2);
        using var scope = NewDisposeScope();
        var x = tensor(X, [2, 3]);
        var y = tensor(Y, [2]);
        var hg = Grasp.HessianGradientProduct(model, x, y, 200);
        var scores = Grasp.Scores(model, x, y, 200);
        float[][] w = [W1, W2];
        for (var l = 0; l < 2; l++)
            for (var i = 0; i < scores[l].Length; i++) Assert.Equal(-w[l][i] * hg[l][i], scores[l][i], 1e-12);

        // Remove the ⌊10 · 0.6⌋ = 6 largest: the 4 smallest scores stay.
        var threshold = scores[0].Concat(scores[1]).Order().ElementAt(3);
        var densities = CriterionRatios.Grasp(model, x, y, 0.4);
        Assert.Equal(scores[0].Count(s => s <= threshold) / 6.0, densities[0], 1e-12);
        Assert.Equal(scores[1].Count(s => s <= threshold) / 4.0, densities[1], 1e-12);
    }

    [Fact]
    public void Grasp_takes_up_to_25_samples_of_each_class_grouped_by_class()
    {
        long[] targets = [.. Enumerable.Range(0, 100).Select(i => (long)(i % 3 == 0 ? 2 : i % 2))];
        var chosen = Grasp.SelectSamples(targets, 25);
        Assert.Equal(75, chosen.Length);
        Assert.Equal(chosen.Select(i => targets[i]), chosen.Select(i => targets[i]).Order());
        Assert.Equal(chosen.Where(i => targets[i] == 1), chosen.Where(i => targets[i] == 1).Order().Take(25));
        Assert.Equal(3, Grasp.SelectSamples([5, 5, 5], 25).Length); // fewer when the data has fewer
    }

    [Fact]
    public void SynFlow_obeys_the_conservation_law_layer_by_layer()
    {
        // Without biases the linearised network is homogeneous of degree 1 in each layer's weights, so every layer's
        // synaptic saliencies sum to the same R (Tanaka et al. 2020, Theorem 2).
        manual_seed(3);
        using var model = new TinyConvNet();
        var scores = SynFlow.Scores(model);
        var sums = scores.Select(s => s.Sum()).ToArray();
        Assert.True(sums[0] > 0);
        Assert.Equal(sums[0], sums[1], 1e-5 * sums[0]);
    }

    [Fact]
    public void SynFlow_is_data_free_sign_blind_and_leaves_the_model_as_it_was()
    {
        manual_seed(4);
        using var model = new TinyConvNet();
        using var scope = NewDisposeScope();
        model.eval();
        var before = model.state_dict().Select(t => t.tensor.clone()).ToList();
        var scores = SynFlow.Scores(model);
        var densities = CriterionRatios.SynFlow(model, 0.5);

        // Bit for bit the same state and mode afterwards.
        Assert.All(model.state_dict().Zip(before), p => Assert.True(p.First.tensor.equal(p.Second)));
        Assert.False(model.training);
        // Same ratios again: nothing but the weights' magnitudes enters; flipping a layer's signs changes nothing.
        Assert.Equal(densities, CriterionRatios.SynFlow(model, 0.5));
        using (no_grad()) model.MaskedLayers[0].Layer.weight.neg_();
        Assert.Equal(scores, SynFlow.Scores(model));
    }

    [Fact]
    public void Tied_scores_share_the_places_left_so_exactly_the_budget_is_kept()
    {
        // 10 weights, SNIP keeps ⌊10 · 0.5⌋ = 5: two clear winners, then eight scores tied at 1 for three places —
        // layer 0 holds 6 of the tied, layer 1 holds 2: shares 3·6/8 = 2.25 and 3·2/8 = 0.75, largest remainder → 2 and 1.
        double[][] scores = [[9, 1, 1, 1, 1, 1, 1], [8, 1, 1]];
        Assert.Equal([3 / 7.0, 2 / 3.0], ScoreThreshold.KeepLargest(scores, 0.5));
        // GraSP keeps the 10 − ⌊10 · 0.5⌋ = 5 smallest: all eight 1s tie for five places, 6:2 → 3.75 and 1.25 → 4 and 1.
        Assert.Equal([4 / 7.0, 1 / 3.0], ScoreThreshold.RemoveLargest(scores, 0.5));
    }

    [Fact]
    public void Quickselect_finds_every_rank()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 501).Select(_ => (double)random.Next(40)).ToArray(); // many ties
        var sorted = values.Order().ToArray();
        for (var k = 0; k < values.Length; k += 7) Assert.Equal(sorted[k], ScoreThreshold.KthSmallest((double[])values.Clone(), k));
    }

    [Fact]
    public void A_ratio_that_empties_a_layer_is_refused_as_layer_collapse()
    {
        using var model = new TwoLayerNet(W1, W2);
        using var scope = NewDisposeScope();
        // ⌊10 · 0.1⌋ = 1 weight kept: one of the two layers gets none.
        var e = Assert.Throws<InvalidOperationException>(() =>
            CriterionRatios.Snip(model, tensor(X, [2, 3]), tensor(Y, [2]), 0.1, reinitialiseXavier: false));
        Assert.Contains("layer collapse", e.Message);
    }

    [Fact]
    public void Criteria_refuse_a_model_that_is_already_masked()
    {
        using var model = new TwoLayerNet(W1, W2);
        using var scope = NewDisposeScope();
        model.MaskedLayers[0].Layer.SetMask(tensor(new float[] { 1, 0, 1, 1, 1, 1 }, [2, 3]));
        var e = Assert.Throws<InvalidOperationException>(() => CriterionRatios.SynFlow(model, 0.5));
        Assert.Contains("before RandomMasks.Apply", e.Message);
    }
}
