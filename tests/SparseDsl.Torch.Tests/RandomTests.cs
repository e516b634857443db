namespace SparseDsl.Torch.Tests;

// Tests that touch the default generator share it with other tests running in parallel, so they only assert
// what holds whatever else draws from it; exact sequences are checked with private generators.
public class RandomTests
{
    [Fact]
    public void Seeded_generators_reproduce_pytorch_sequences()
    {
        using var scope = NewDisposeScope();
        // Reference values from /usr/bin/python3 (PyTorch 1.13):
        //   g = torch.Generator().manual_seed(42); torch.rand(3, generator=g)   (and likewise for randn, randint)
        using var g = new Generator(42);
        Assert.Equal(42, g.initial_seed());
        AssertClose([0.8822692632675171, 0.9150039553642273, 0.38286375999450684], rand([3], generator: g));
        g.manual_seed(42);
        AssertClose([0.33669036626815796, 0.12880940735340118, 0.23446236550807953], randn([3], generator: g));
        g.manual_seed(42);
        var ints = randint(0, 10, [5], generator: g);
        Assert.Equal(ScalarType.Int64, ints.dtype);
        Assert.Equal(new long[] { 2, 7, 6, 4, 6 }, ints.data<long>());
        // torch.rand(3, generator=torch.Generator().manual_seed(7))
        Assert.Equal(7, g.manual_seed(7).initial_seed());
        AssertClose([0.5349225401878357, 0.19880318641662598, 0.6592116951942444], rand([3], generator: g));
    }

    [Fact]
    public void Restoring_a_generator_state_resumes_the_exact_sequence()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(123);
        // An odd number of small normal draws leaves a cached second Box-Muller sample in the state.
        randn([3], generator: g);
        var state = g.get_state();
        Assert.Equal(ScalarType.Byte, state.dtype);
        var first = cat([randn([5], float64, generator: g), rand([4], generator: g).to(float64)]);
        g.set_state(state);
        var second = cat([randn([5], float64, generator: g), rand([4], generator: g).to(float64)]);
        Assert.True(first.equal(second));

        using var other = new Generator(999);
        other.set_state(state);
        Assert.True(randn([5], float64, generator: other).equal(first.narrow(0, 0, 5)));
    }

    [Fact]
    public void Bernoulli_draws_follow_their_probabilities()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(1);
        var certain = tensor(new float[] { 0, 1, 0, 1 });
        Assert.Equal(new float[] { 0, 1, 0, 1 }, certain.bernoulli(g).data<float>());
        Assert.Equal(new float[] { 0, 1, 0, 1 }, bernoulli(certain).data<float>());

        var filled = zeros(4);
        Assert.Same(filled, filled.bernoulli_(certain, g));
        Assert.Equal(new float[] { 0, 1, 0, 1 }, filled.data<float>());
        Assert.Equal(new float[] { 1, 1, 1, 1 }, filled.bernoulli_(1.0).data<float>());

        var many = empty(20000).bernoulli_(0.3, g);
        Assert.InRange(many.mean().item<float>(), 0.28f, 0.32f);
    }

    [Fact]
    public void Like_draws_take_the_source_shape_and_are_reproducible_with_a_generator()
    {
        using var scope = NewDisposeScope();
        var source = zeros([2, 3], float64);
        using var g = new Generator(5);
        var u = source.rand_like(generator: g);
        Assert.Equal([2L, 3L], u.shape);
        Assert.Equal(ScalarType.Float64, u.dtype);
        Assert.All(u.data<double>(), v => Assert.InRange(v, 0.0, 1.0));
        var n = randn_like(source, float32, generator: g);
        Assert.Equal(ScalarType.Float32, n.dtype);

        g.manual_seed(5);
        Assert.True(rand_like(source, generator: g).equal(u));
        Assert.Equal([4L], rand(4).shape);
        Assert.Equal([2L, 2L], randn(2, 2).shape);
        Assert.All(randint(3, [100]).data<long>(), v => Assert.InRange(v, 0L, 2L));
    }

    private static void AssertClose(double[] expected, torch.Tensor actual)
    {
        var values = actual.data<double>();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], 1e-6);
    }
}

/// <summary>Runs alone (no other test draws meanwhile): these check exact sequences of the shared default generator.</summary>
[Collection(nameof(DefaultGeneratorTests))]
public class DefaultGeneratorTests
{
    [Fact]
    public void Manual_seed_restarts_the_default_sequence()
    {
        using var scope = NewDisposeScope();
        // torch.manual_seed(42); torch.rand(3)   with /usr/bin/python3 (PyTorch 1.13)
        manual_seed(42);
        Assert.Equal(42, random.initial_seed());
        var values = rand(3).data<float>();
        Assert.Equal(0.8822692632675171, values[0], 1e-6);
        Assert.Equal(0.9150039553642273, values[1], 1e-6);
        Assert.Equal(0.38286375999450684, values[2], 1e-6);
    }

    [Fact]
    public void Restoring_the_default_state_resumes_the_exact_sequence()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(2024);
        Assert.Equal(2024, random.initial_seed());
        randn(3);
        var state = random.get_rng_state();
        var first = cat([randn([5], float64), rand([3], float64)]);
        random.set_rng_state(state);
        var second = cat([randn([5], float64), rand([3], float64)]);
        Assert.True(first.equal(second));
        Assert.Throws<TorchException>(() => random.set_rng_state(zeros(3)));
    }
}

[CollectionDefinition(nameof(DefaultGeneratorTests), DisableParallelization = true)]
public class DefaultGeneratorCollection;
