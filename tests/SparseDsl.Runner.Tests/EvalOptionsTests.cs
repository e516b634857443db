using Microsoft.Extensions.Configuration;
using SparseDsl.Runner.Options;

namespace SparseDsl.Runner.Tests;

public class EvalOptionsTests
{
    private static RunnerOptions Load(params (string Key, string Value)[] settings) =>
        RunnerOptions.Load(
            new ConfigurationBuilder().AddInMemoryCollection(
                new[] { ("Experiment:Models", "mlp"), ("Experiment:Policies", "dense"), ("Experiment:Seeds", "1") }.Concat(settings)
                    .Select(s => KeyValuePair.Create(s.Item1, (string?)s.Item2))).Build(),
            name => name is "mlp");

    [Fact]
    public void Budgets_take_numbers_fractions_and_auto_per_dataset()
    {
        var o = Load(("Eval:Epsilon", "8/255"), ("Eval:PgdStepSize", "0.01"), ("Eval:OoD", "vflip, mnist=/data/mnist"), ("Eval:Attacks", "pgd"));
        Assert.Equal(8.0 / 255, o.Eval.EpsilonFor("fashion-mnist"), 1e-15);
        Assert.Equal(0.01, o.Eval.StepSize);
        Assert.Equal([new OodRequest("vflip", null), new OodRequest("mnist", "/data/mnist")], o.Eval.OodSets(EvalOptions.SyntheticOoD));
        Assert.Equal(["pgd"], o.Eval.AttackSet(EvalOptions.AttackNames));

        var auto = Load();
        Assert.Equal(8.0 / 255, auto.Eval.EpsilonFor("cifar10"), 1e-15);
        Assert.Equal(0.1, auto.Eval.EpsilonFor("fashion-mnist"));
        Assert.Null(auto.Eval.StepSize);
        // Empty lists take the command's default: every set in eval, none in training runs.
        Assert.Equal(["gaussian", "uniform", "vflip"], auto.Eval.OodSets(EvalOptions.SyntheticOoD).Select(r => r.Name));
        Assert.Empty(auto.Eval.OodSets([]));
        Assert.Empty(Load(("Eval:OoD", "none"), ("Eval:Attacks", "none")).Eval.AttackSet(EvalOptions.AttackNames));
    }

    [Fact]
    public void Every_eval_problem_is_listed_at_once()
    {
        var e = Assert.Throws<OptionsException>(() => Load(("Eval:Epsilon", "1.5"), ("Eval:PgdStepSize", "abc"), ("Eval:PgdSteps", "0"),
            ("Eval:OoD", "gaussian,cifar100,svhn"), ("Eval:Attacks", "cw"), ("Eval:Limit", "-1"), ("Eval:Typo", "1")));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:Epsilon: '1.5' is not valid"));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:PgdStepSize: 'abc' is not valid"));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:PgdSteps: 0 must be at least 1"));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:OoD:1: give the folder of cifar100, as cifar100=/path/to/cifar100"));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:OoD:2: unknown OoD set 'svhn'"));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:Attacks:0: unknown attack 'cw'"));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:Limit: -1"));
        Assert.Contains(e.Problems, p => p.StartsWith("Eval:Typo: unknown setting"));
        Assert.Equal(8, e.Problems.Count);
    }
}
