using SparseDsl.Runner.Experiments;
using SparseDsl.Runner.Reporting;
using SparseDsl.Training;

namespace SparseDsl.Runner.Tests;

public class SweepReportTests
{
    private static RunOutcome Outcome(long seed, double accuracy) =>
        new(new RunSpec("Mlp", "erk", 0.1, seed), 0.1, 1000, 100, 1100, 200, 5000, 500,
            new Score(1 - accuracy, accuracy, 10000), null, null, 3, 1.0, []);

    [Fact]
    public void Mean_and_sample_std_over_seeds_with_no_spread_claimed_for_one_seed()
    {
        var two = SweepReport.Markdown(ResultGroup.Of([Outcome(1, 0.80), Outcome(2, 0.84)]), "sweep");
        // mean 82.00 %, sample std of (80, 84) = 2.83 %
        Assert.Contains("| 2 | 82.00 ± 2.83 |", two);

        var one = SweepReport.Markdown(ResultGroup.Of([Outcome(1, 0.80)]), "sweep");
        Assert.Contains("| 1 | 80.00 (one seed) |", one);
        Assert.DoesNotContain("±", one.Split('\n').Single(l => l.StartsWith("| Mlp", StringComparison.Ordinal)));
    }
}
