using System.Diagnostics;

namespace SparseDsl.Runner.Tests;

/// <summary>The runner as a user runs it: a child process, its output and its exit code.</summary>
public class RunnerProcessTests
{
    private static (int ExitCode, string Output) Run(params string[] args) => RunnerProcess.Run(args);

    [Fact]
    public void Invalid_configuration_exits_2_listing_every_problem()
    {
        var (code, output) = Run("--Training:Epochs=0", "--Experiment:Densities=2", "--Training:Typo=1");
        Assert.Equal(2, code);
        Assert.Contains("Training:Epochs", output);
        Assert.Contains("Experiment:Densities", output);
        Assert.Contains("Training:Typo", output);
    }

    [Fact]
    public void Missing_data_exits_1_naming_the_path_and_the_package()
    {
        var (code, output) = Run("--Data:Path=/nonexistent/fmnist");
        Assert.Equal(1, code);
        Assert.Contains("/nonexistent/fmnist", output);
        Assert.Contains("dataset-fashion-mnist", output);
    }

    [Fact]
    public void Cuda_without_cuda_fails_with_a_clear_message()
    {
        if (SparseDsl.Torch.torch.cuda.is_available()) return; // only meaningful where CUDA is absent (CI)
        var (code, output) = Run("--Runtime:Device=cuda", "--Data:TrainLimit=256");
        Assert.Equal(1, code);
        Assert.Contains("CUDA is not available", output);
        // … and says how to get it: a CUDA libtorch, through pip or SPARSEDSL_LIBTORCH, then a rebuild.
        Assert.Contains("pip install torch", output);
        Assert.Contains("SPARSEDSL_LIBTORCH", output);
        Assert.Contains("docs/gpu.md", output);
    }

    [Fact]
    public void Channels_last_on_a_machine_without_cuda_stops_before_training_with_the_reason()
    {
        if (SparseDsl.Torch.torch.cuda.is_available()) return; // Runtime:Device=auto resolves to the CPU only here
        var (code, output) = Run("--Runtime:MemoryFormat=channels_last", "--Data:TrainLimit=256");
        Assert.Equal(1, code);
        Assert.Contains("Runtime:MemoryFormat: channels_last is for CUDA", output);
        Assert.Contains("Runtime:Device resolved to cpu", output);
        Assert.DoesNotContain("epoch 1", output);
    }

    [Fact]
    public void Auto_device_without_cuda_falls_back_to_the_cpu_in_one_log_line()
    {
        if (SparseDsl.Torch.torch.cuda.is_available()) return;
        // Missing data stops the run right after the device is chosen: cheap, and the line is already out.
        var (code, output) = Run("--Runtime:Device=auto", "--Data:Path=/nonexistent/fmnist");
        Assert.Equal(1, code);
        Assert.Equal(1, output.Split("Runtime:Device=auto: CUDA is not available").Length - 1);
        Assert.Contains("training on the CPU", output);
    }

    [Fact]
    public void A_short_sweep_trains_dense_and_sparse_writes_its_folders_and_skips_them_when_run_again()
    {
        var root = Directory.CreateTempSubdirectory("sparsedsl-runs-").FullName;
        try
        {
            string[] args = ["--Training:Epochs=1", "--Data:TrainLimit=2048", "--Data:ValidationFraction=0.1", $"--Output:Root={root}"];
            var (code, output) = Run(args);
            Assert.True(code == 0, output);
            Assert.Contains("SparseDsl results", output);
            Assert.Contains("dense", output);
            Assert.Contains("erk", output);
            Assert.Contains("90.0%", output); // ERK row's sparsity column

            var runs = Directory.GetDirectories(root).Where(d => !d.EndsWith("sweeps")).ToList();
            Assert.Equal(2, runs.Count);
            foreach (var run in runs)
                foreach (var file in new[] { "config.json", "metrics.csv", "layers.csv", "result.json" })
                    Assert.True(File.Exists(Path.Combine(run, file)), $"{run}/{file} missing");
            var sweep = Assert.Single(Directory.GetDirectories(Path.Combine(root, "sweeps")));
            Assert.Equal(3, File.ReadAllLines(Path.Combine(sweep, "results.csv")).Length);
            Assert.Contains("| lenet5 |", File.ReadAllText(Path.Combine(sweep, "report.md")), StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(sweep, "accuracy.svg")));

            var (again, secondOutput) = Run(args);
            Assert.Equal(0, again);
            Assert.Equal(2, secondOutput.Split("finished earlier, skipped").Length - 1);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Unknown_preset_is_a_configuration_error()
    {
        var (code, output) = Run("--Preset=paper-mnist");
        Assert.Equal(2, code);
        Assert.Contains("unknown preset 'paper-mnist'", output);
    }

    [Fact]
    public void Interrupt_with_sigint_keeps_the_last_epoch_checkpoint_and_the_same_command_resumes()
    {
        var root = Directory.CreateTempSubdirectory("sparsedsl-resume-").FullName;
        try
        {
            string[] args = ["train", "--Experiment:Policies=erk", "--Training:Epochs=3", "--Data:TrainLimit=4096", $"--Output:Root={root}"];
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SparseDsl.Runner.dll"));
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = new System.Text.StringBuilder();
            var firstEpoch = new ManualResetEventSlim();
            process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); if (e.Data?.Contains("epoch 1/3:") == true) firstEpoch.Set(); };
            process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Assert.True(firstEpoch.Wait(TimeSpan.FromMinutes(3)), "no epoch finished: " + output);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) kill.WaitForExit();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
            Assert.Equal(1, process.ExitCode);
            Assert.Contains("Cancelled", output.ToString());
            var run = Assert.Single(Directory.GetDirectories(root));
            Assert.True(File.Exists(Path.Combine(run, "latest.safetensors")));
            Assert.False(File.Exists(Path.Combine(run, "result.json")));

            var (code, resumed) = Run(args);
            Assert.True(code == 0, resumed);
            Assert.Contains("resumed after epoch", resumed);
            Assert.DoesNotContain("epoch 1/3:", resumed); // the end-of-epoch line ("epoch 1/3: lr …") is not repeated
            Assert.Equal(4, File.ReadAllLines(Path.Combine(run, "metrics.csv")).Length); // header + 3 epochs
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_model_for_another_input_shape_is_refused_with_the_shapes()
    {
        var (code, output) = Run("train", "--Experiment:Models=cifar_resnet_20", "--Experiment:Policies=dense", "--Data:TrainLimit=256");
        Assert.Equal(2, code);
        Assert.Contains("takes [3, 32, 32] inputs but fashion-mnist images are [1, 28, 28]", output);
    }

    [Fact]
    public void Train_refuses_a_grid_of_several_runs()
    {
        var (code, output) = Run("train", "--Experiment:Policies=dense,erk");
        Assert.Equal(2, code);
        Assert.Contains("train runs one grid point", output);
    }

    [Fact]
    public void Array_index_outside_the_grid_is_a_configuration_error()
    {
        var (code, output) = Run("--Sweep:Index=7");
        Assert.Equal(2, code);
        Assert.Contains("Sweep:Index: 7 is outside the grid of 2 runs", output);
    }

    [Fact]
    public void Models_command_lists_the_catalog()
    {
        var (code, output) = Run("models");
        Assert.Equal(0, code);
        Assert.Contains("lenet5", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("61,706", output);
    }
}
