using System.Globalization;
using System.Text;
using System.Text.Json;
using SparseDsl.Training;

namespace SparseDsl.Runner.Experiments;

/// <summary>
/// One run's folder: config.json (resolved configuration), metrics.csv (per epoch), layers.csv (per masked layer),
/// reliability.svg (the test set's calibration), result.json (written last: its presence marks the run finished, so sweeps skip it).
/// </summary>
public sealed class RunFolder
{
    public RunFolder(string root, RunConfiguration configuration)
    {
        Configuration = configuration;
        Path = System.IO.Path.Combine(root, configuration.FolderName);
    }

    public RunConfiguration Configuration { get; }

    public string Path { get; }

    public string ResultPath => System.IO.Path.Combine(Path, "result.json");

    public bool IsFinished => File.Exists(ResultPath);

    public void Create()
    {
        Directory.CreateDirectory(Path);
        WriteAtomically("config.json", Configuration.Json);
        if (!File.Exists(System.IO.Path.Combine(Path, "metrics.csv"))) WriteAtomically("metrics.csv", MetricsHeader);
    }

    private const string MetricsHeader = "epoch,learning_rate,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds\n";

    /// <summary>Appends one epoch as it finishes, so metrics.csv can be followed during training.</summary>
    public void AppendEpoch(EpochMetrics m) => File.AppendAllText(System.IO.Path.Combine(Path, "metrics.csv"), MetricsLine(m));

    /// <summary>Rewrites metrics.csv from the whole history, including epochs restored from a checkpoint on resume.</summary>
    public void WriteMetrics(IEnumerable<EpochMetrics> history) =>
        WriteAtomically("metrics.csv", MetricsHeader + string.Concat(history.Select(MetricsLine)));

    private static string MetricsLine(EpochMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"{m.Epoch},{m.LearningRate:R},{m.Train.Loss:R},{m.Train.Accuracy:R},{m.Validation?.Loss:R},{m.Validation?.Accuracy:R},{m.Elapsed.TotalSeconds:0.###}\n");

    public void WriteResult(RunOutcome outcome)
    {
        var layers = new StringBuilder("layer,shape,weights,target_density,kept,density,dense_macs,sparse_macs,parameters,kept_parameters\n");
        foreach (var l in outcome.Layers)
            layers.Append(CultureInfo.InvariantCulture,
                $"{l.Name},{string.Join('x', l.Shape)},{l.Weights},{l.TargetDensity:R},{l.Kept},{l.Density:R},{l.DenseMacs},{l.SparseMacs},{l.Parameters},{l.KeptParameters}\n");
        WriteAtomically("layers.csv", layers.ToString());
        WriteAtomically("result.json", ResultJson.Write(outcome));
    }

    /// <summary>reliability.svg: the test set's reliability diagram (written before result.json).</summary>
    public void WriteReliability(string svg) => WriteAtomically("reliability.svg", svg);

    /// <summary>Temporary file, then rename: a reader never sees half a file, and result.json appears whole or not at all.</summary>
    private void WriteAtomically(string name, string content)
    {
        var target = System.IO.Path.Combine(Path, name);
        var temporary = target + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            file.Write(Encoding.UTF8.GetBytes(content));
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, target, overwrite: true);
    }
}
