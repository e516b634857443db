using System.Text.Json;

namespace SparseDsl.Runner.Tests;

/// <summary>The eval command as a user runs it, on a checkpoint a short training run just wrote.</summary>
public class EvalProcessTests
{
    private static (int ExitCode, string Output) Run(params string[] args) => RunnerProcess.Run(args);

    [Fact]
    public void Training_records_the_cheap_metrics_and_eval_reports_every_metric_of_its_checkpoint()
    {
        var root = Directory.CreateTempSubdirectory("sparsedsl-eval-").FullName;
        try
        {
            var (code, output) = Run("train", "--Experiment:Models=mlp", "--Experiment:Policies=erk", "--Training:Epochs=1",
                "--Data:TrainLimit=1024", $"--Output:Root={root}");
            Assert.True(code == 0, output);
            var run = Assert.Single(Directory.GetDirectories(root));
            using (var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "result.json"))))
            {
                var metrics = result.RootElement.GetProperty("metrics");
                Assert.InRange(metrics.GetProperty("top1").GetDouble(), 0.3, 1);
                Assert.Equal(result.RootElement.GetProperty("test").GetProperty("accuracy").GetDouble(), metrics.GetProperty("top1").GetDouble());
                Assert.False(metrics.TryGetProperty("top5", out _)); // 10 classes
                Assert.Equal(15, metrics.GetProperty("calibrationBins").GetArrayLength());
                Assert.Equal(0, metrics.GetProperty("ood").GetArrayLength());         // off unless configured
                Assert.Equal(0, metrics.GetProperty("adversarial").GetArrayLength());
                Assert.True(result.RootElement.GetProperty("sparseMacs").GetInt64() < result.RootElement.GetProperty("denseMacs").GetInt64());
            }
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(run, "reliability.svg")));

            var checkpoint = Path.Combine(run, "best.safetensors");
            (code, output) = Run("eval", $"--Eval:Checkpoint={checkpoint}", "--Eval:Limit=500", "--Eval:PgdSteps=3", "--Eval:OoD=gaussian,uniform,vflip,fashion-mnist");
            Assert.True(code == 0, output);
            Assert.Contains("top-1 accuracy", output);
            Assert.Contains("accuracy under PGD-3 ε=0.1", output);
            Assert.Contains("cost per masked layer", output);

            using var eval = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "eval.json")));
            var e = eval.RootElement;
            Assert.Equal("Mlp", e.GetProperty("model").GetString());
            Assert.StartsWith("erk@", e.GetProperty("policy").GetString());
            var m = e.GetProperty("metrics");
            Assert.Equal(500, m.GetProperty("count").GetInt64());
            Assert.InRange(m.GetProperty("top1").GetDouble(), 0.3, 1);
            Assert.InRange(m.GetProperty("nll").GetDouble(), 0.01, 3);
            Assert.InRange(m.GetProperty("ece").GetDouble(), 0, 1);
            Assert.Equal(500, m.GetProperty("calibrationBins").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
            var ood = m.GetProperty("ood").EnumerateArray().ToDictionary(o => o.GetProperty("set").GetString()!);
            Assert.Equal(["gaussian", "uniform", "vflip", "fashion-mnist"], ood.Keys);
            foreach (var o in ood.Values)
            {
                Assert.InRange(o.GetProperty("auroc").GetDouble(), 0, 1);
                Assert.InRange(o.GetProperty("fprAt95Tpr").GetDouble(), 0, 1);
            }
            // The in-distribution test set against itself: no separation at all.
            Assert.Equal(0.5, ood["fashion-mnist"].GetProperty("auroc").GetDouble(), 1e-9);
            var attacks = m.GetProperty("adversarial").EnumerateArray().ToDictionary(a => a.GetProperty("attack").GetString()!);
            Assert.Equal(0.1, attacks["fgsm"].GetProperty("epsilon").GetDouble(), 1e-12); // Fashion-MNIST's default
            Assert.Equal(3, attacks["pgd"].GetProperty("steps").GetInt32());
            Assert.Equal(2.5 * 0.1 / 3, attacks["pgd"].GetProperty("stepSize").GetDouble(), 1e-12);
            Assert.True(attacks["pgd"].GetProperty("accuracy").GetDouble() < m.GetProperty("top1").GetDouble());
            var costs = e.GetProperty("costs");
            Assert.Equal(costs.GetProperty("keptWeights").GetInt64(), costs.GetProperty("layers").EnumerateArray().Sum(l => l.GetProperty("kept").GetInt64()));
            using var result2 = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "result.json")));
            Assert.Equal(result2.RootElement.GetProperty("sparseMacs").GetInt64(), costs.GetProperty("sparseMacs").GetInt64());
            Assert.Equal(result2.RootElement.GetProperty("keptParameters").GetInt64(), costs.GetProperty("keptParameters").GetInt64());
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(run, "eval-reliability.svg")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Eval_without_a_checkpoint_file_exits_2_listing_every_problem()
    {
        var (code, output) = Run("eval", "--Eval:Checkpoint=/nonexistent/best.safetensors", "--Eval:Epsilon=8/0", "--Eval:OoD=svhn");
        Assert.Equal(2, code);
        Assert.Contains("Eval:Checkpoint: '/nonexistent/best.safetensors' does not exist", output);
        Assert.Contains("Eval:Epsilon: '8/0' is not valid", output);
        Assert.Contains("Eval:OoD:0: unknown OoD set 'svhn'", output);

        (code, output) = Run("eval");
        Assert.Equal(2, code);
        Assert.Contains("Eval:Checkpoint: give the checkpoint to evaluate", output);
    }

    [Fact]
    public void Eval_of_a_corrupt_checkpoint_exits_1_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("sparsedsl-corrupt-").FullName;
        try
        {
            var path = Path.Combine(folder, "best.safetensors");
            File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
            var (code, output) = Run("eval", $"--Eval:Checkpoint={path}");
            Assert.Equal(1, code);
            Assert.Contains("Checkpoint error", output);
            Assert.Contains(path, output);
            Assert.False(File.Exists(Path.Combine(folder, "eval.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
