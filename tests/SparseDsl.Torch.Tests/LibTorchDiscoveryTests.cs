using System.Diagnostics;

namespace SparseDsl.Torch.Tests;

/// <summary>
/// How the build finds libtorch (Directory.Build.targets, target FindLibTorch), proven without a CUDA libtorch: a fake
/// pip-style install — a <c>torch</c> package on PYTHONPATH with <c>torch/share/cmake/Torch/TorchConfig.cmake</c>, as a
/// pip wheel lays it out — must be chosen over Debian's libtorch-dev, SPARSEDSL_LIBTORCH over both, and CMake must
/// configure the shim against the chosen prefix. (Debian's python3-torch has no share/cmake, so it cannot stand in.)
/// The fake config forwards to Debian's libtorch, so the configure step runs the shim's real CMake checks.
/// </summary>
public sealed class LibTorchDiscoveryTests : IDisposable
{
    private const string DebianConfig = "/usr/lib/x86_64-linux-gnu/cmake/Torch/TorchConfig.cmake";
    private readonly string root = Directory.CreateTempSubdirectory("sparsedsl-libtorch-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SparseDsl.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SparseDsl.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A pip-style torch package under <paramref name="site"/>; its TorchConfig announces itself, then loads Debian's.</summary>
    private static string FakePipTorch(string site, string marker)
    {
        var cmake = Directory.CreateDirectory(Path.Combine(site, "torch", "share", "cmake", "Torch")).FullName;
        File.WriteAllText(Path.Combine(site, "torch", "__init__.py"), "");
        File.WriteAllText(Path.Combine(cmake, "TorchConfig.cmake"), $"message(STATUS \"{marker}\")\ninclude({DebianConfig})\n");
        return Path.GetDirectoryName(cmake)!;  // .../torch/share/cmake: what torch.utils.cmake_prefix_path returns
    }

    private static (int Code, string Output) Run(string file, IEnumerable<string> arguments, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // The test host's MSBuild settings must not leak into the child build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        foreach (var (key, value) in environment)
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"{file} did not finish");
        return (process.ExitCode, output.Result + errors.Result);
    }

    private static string ChosenPrefix(Dictionary<string, string?> environment)
    {
        var project = Path.Combine(Repository(), "src", "SparseDsl.Torch", "SparseDsl.Torch.csproj");
        var (code, output) = Run("dotnet", ["msbuild", project, "-nologo", "-t:FindLibTorch", "-getProperty:_LibTorchPrefix"], environment);
        Assert.True(code == 0, output);
        return output.Trim();
    }

    [Fact]
    public void A_pip_style_torch_seen_by_python3_is_chosen_and_the_shim_configures_against_it()
    {
        if (!File.Exists(DebianConfig)) return;  // the fake forwards to Debian's libtorch-dev
        var site = Path.Combine(root, "site-packages");
        var prefix = FakePipTorch(site, "SPARSEDSL-FAKE-PIP-TORCH");
        var environment = new Dictionary<string, string?> { ["PYTHONPATH"] = site, ["SPARSEDSL_LIBTORCH"] = null };

        Assert.Equal(prefix, ChosenPrefix(environment));

        var native = Path.Combine(Repository(), "src", "SparseDsl.Torch", "native");
        var (code, output) = Run("cmake", ["-S", native, "-B", Path.Combine(root, "build"), $"-DCMAKE_PREFIX_PATH={prefix}",
            $"-DTorch_DIR={prefix}/Torch", "-Wno-dev"], environment);
        Assert.True(code == 0, output);
        Assert.Contains("SPARSEDSL-FAKE-PIP-TORCH", output);
        Assert.Contains("c10d Gloo backend: on", output);
        Assert.Contains("c10d NCCL backend: off", output);  // Debian's libtorch has no NCCL
    }

    [Fact]
    public void SPARSEDSL_LIBTORCH_wins_over_pip_and_Debian()
    {
        var site = Path.Combine(root, "site-packages");
        FakePipTorch(site, "pip");
        var unpacked = Path.Combine(root, "libtorch");  // the layout of the libtorch zip: libtorch/share/cmake/Torch
        FakePipTorch(Path.Combine(unpacked, "x"), "zip");
        Directory.Move(Path.Combine(unpacked, "x", "torch", "share"), Path.Combine(unpacked, "share"));

        Assert.Equal(Path.Combine(unpacked, "share", "cmake"),
            ChosenPrefix(new() { ["PYTHONPATH"] = site, ["SPARSEDSL_LIBTORCH"] = unpacked }));
    }

    [Fact]
    public void Without_pip_torch_the_build_uses_Debian_libtorch_dev()
    {
        if (!File.Exists(DebianConfig)) return;
        Assert.Equal("/usr/lib/x86_64-linux-gnu/cmake",
            ChosenPrefix(new() { ["PYTHONPATH"] = Path.Combine(root, "empty"), ["SPARSEDSL_LIBTORCH"] = null }));
    }
}
