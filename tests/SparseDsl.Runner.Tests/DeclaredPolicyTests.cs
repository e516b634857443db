using Microsoft.Extensions.Configuration;
using SparseDsl.Generated;
using SparseDsl.Runner.Experiments;
using SparseDsl.Runner.Options;
using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Tests;

/// <summary>
/// Policies declared with [SparsityPolicy] in the zoo, as the runner uses them: accepted by name next to the built-in
/// ratios, computed at run time exactly as the generator computed their tables, refused at start-up where they do not fit.
/// </summary>
public class DeclaredPolicyTests
{
    private static RunnerOptions Load(params (string Key, string Value)[] settings) =>
        RunnerOptions.Load(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(),
            name => ModelCatalog.Find(name) is not null);

    [Fact]
    public void Every_compile_time_table_of_the_zoo_equals_the_run_time_densities_bit_for_bit()
    {
        var names = PolicyNames.Catalog;
        var experiment = new ExperimentOptions();
        var compared = 0;
        foreach (var model in ModelCatalog.All)
            foreach (var policy in ModelCatalog.Policies)
            {
                var table = model.FindDensityTable(policy.Name);
                if (!policy.AppliesTo(model.Info))
                {
                    Assert.Null(table);
                    continue;
                }
                // The zoo compiles without warnings, so every policy that applies to a model has its table.
                Assert.NotNull(table);
                // The run-time path: the request the runner builds for the name, through the allocation PolicyDensities runs.
                // (The zoo's Dense resolves to the built-in dense, which is what the runner runs for that name.)
                var request = names.Request(policy.Name, policy.Density, experiment);
                var runtime = PolicyDensities.FromShapes(model.Info, request);
                Assert.Equal(table.Densities.Select(BitConverter.DoubleToInt64Bits), runtime.Select(BitConverter.DoubleToInt64Bits));
                compared++;
            }
        // 6 declared policies: 4 for every model, Erk90StemDense for 2, LeNet5Handpicked for 1.
        Assert.Equal(4 * ModelCatalog.All.Count + 3, compared);
    }

    [Fact]
    public void The_runner_computes_a_declared_policy_from_the_built_model_as_from_its_table()
    {
        var entry = ModelCatalog.Find("lenet5")!;
        using var module = entry.Create();
        foreach (var name in new[] { "Erk90StemDense", "LeNet5Handpicked", "uniform95classifier20" })
        {
            var densities = PolicyDensities.Compute(module, PolicyNames.Catalog.Request(name, 0.3, new ExperimentOptions()));
            Assert.Equal(entry.FindDensityTable(name)!.Densities, densities);
        }
    }

    [Fact]
    public void Declared_policy_names_are_accepted_ignoring_case_with_their_own_density()
    {
        var o = Load(("Experiment:Models", "lenet5"), ("Experiment:Policies", "dense,erk90stemdense,LeNet5Handpicked"),
            ("Experiment:Densities", "0.2"), ("Experiment:Seeds", "1"));
        var grid = ExperimentGrid.Expand(o.Experiment, name => ModelCatalog.Find(name)!.Name, o.Policies);
        Assert.Contains(new RunSpec("LeNet5", "Erk90StemDense", 0.1, 1), grid);   // its declared density, not Experiment:Densities
        Assert.Contains(new RunSpec("LeNet5", "LeNet5Handpicked", 0.0, 1), grid);
        Assert.Contains(new RunSpec("LeNet5", "dense", 1.0, 1), grid);
        Assert.Equal(3, grid.Count);
    }

    [Fact]
    public void Declared_policy_is_refused_at_start_up_on_a_model_it_is_not_declared_for()
    {
        var e = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "lenet5,mlp"), ("Experiment:Policies", "Erk90StemDense"),
            ("Experiment:Seeds", "1")));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Experiment:Policies:0 (Erk90StemDense) with Experiment:Models:1 (mlp):", problem);
        Assert.Contains("declared for lenet5, vgg16 only, not for 'mlp'", problem);
    }

    [Fact]
    public void Unknown_policy_is_refused_listing_built_in_and_declared_names()
    {
        var e = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "lenet5"), ("Experiment:Policies", "erk,Erk95"),
            ("Experiment:Densities", "0.1"), ("Experiment:Seeds", "1")));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Experiment:Policies:1: unknown policy 'Erk95'", problem);
        Assert.Contains("synflow, explicit; declared: ", problem);
        Assert.Contains("Erk90StemDense", problem);
        Assert.Contains("LeNet5Handpicked", problem);
        Assert.DoesNotContain("declared: Dense", problem); // the zoo's Dense is the built-in dense
    }

    [Fact]
    public void A_declared_policy_that_cannot_meet_its_budget_on_a_model_is_a_start_up_error()
    {
        var tight = new SparsityPolicy("Tight", Allocation.Erk, 0.5) { Rules = new LayerRules(keepDense: ["Linear"]) };
        var names = new PolicyNames([tight], ModelCatalog.Find);
        var e = Assert.Throws<OptionsException>(() => RunnerOptions.Load(
            new ConfigurationBuilder().AddInMemoryCollection([
                KeyValuePair.Create("Experiment:Models", (string?)"lenet5"),
                KeyValuePair.Create("Experiment:Policies", (string?)"tight"),
                KeyValuePair.Create("Experiment:Seeds", (string?)"1")]).Build(),
            name => ModelCatalog.Find(name) is not null, names));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("Experiment:Policies:0 (Tight) with Experiment:Models:0 (lenet5): LeNet5: the layers with fixed densities keep 58920", problem);
    }

    [Fact]
    public void A_run_time_density_the_rules_cannot_meet_is_a_start_up_error_naming_the_density()
    {
        // Every Linear layer dense keeps 58920 of LeNet-5's 61470 weights: density 0.5 (30735) cannot hold them, 0.99 can.
        var e = Assert.Throws<OptionsException>(() => Load(("Experiment:Models", "lenet5"), ("Experiment:Policies", "dense,erk,synflow"),
            ("Experiment:Densities", "0.99,0.5"), ("Experiment:KeepDense", "Linear"), ("Experiment:Seeds", "1")));
        Assert.Equal(2, e.Problems.Count);
        Assert.StartsWith("Experiment:Policies:1 (erk) at Experiment:Densities:1=0.5 with Experiment:Models:0 (lenet5):", e.Problems[0]);
        Assert.Contains("30735", e.Problems[0]);
        Assert.StartsWith("Experiment:Policies:2 (synflow) at Experiment:Densities:0=0.99 with Experiment:Models:0 (lenet5): the synflow ratio takes no per-layer rules", e.Problems[1]);
    }
}
