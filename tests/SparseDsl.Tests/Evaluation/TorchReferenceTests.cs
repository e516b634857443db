using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SparseDsl.Evaluation;

namespace SparseDsl.Tests.Evaluation;

/// <summary>Runs only where Debian's python3-torch is installed (not on CI); says so when skipped.</summary>
public sealed class PythonTorchFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";
    private const string Package = "/usr/lib/python3/dist-packages/torch";

    public PythonTorchFactAttribute()
    {
        if (!File.Exists(Python) || !Directory.Exists(Package))
            Skip = $"python3-torch is absent ({Package}): the cross-check against PyTorch needs it (sudo apt-get install python3-torch).";
    }
}

/// <summary>FGSM and PGD against the same attacks written in PyTorch, on a small two-layer network with random weights.</summary>
public class TorchReferenceTests
{
    // The attacks as in the literature, in pixel space, with PyTorch's own generator for PGD's random start.
    private const string Reference = """
        import json, sys, torch
        d = json.load(sys.stdin)
        model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(12, 8), torch.nn.ReLU(), torch.nn.Linear(8, 3))
        with torch.no_grad():
            model[1].weight.copy_(torch.tensor(d["w1"]).view(8, 12)); model[1].bias.copy_(torch.tensor(d["b1"]))
            model[3].weight.copy_(torch.tensor(d["w2"]).view(3, 8)); model[3].bias.copy_(torch.tensor(d["b2"]))
        model.eval()
        mean = torch.tensor(d["mean"]).view(1, 2, 1, 1); std = torch.tensor(d["std"]).view(1, 2, 1, 1)
        x = torch.tensor(d["pixels"]).view(4, 2, 2, 3); y = torch.tensor(d["targets"])
        eps, steps, alpha = d["eps"], d["steps"], d["alpha"]
        def grad_sign(p):
            p = p.detach().requires_grad_(True)
            loss = torch.nn.functional.cross_entropy(model((p - mean) / std), y, reduction="sum")
            (g,) = torch.autograd.grad(loss, p)
            return g.sign()
        fgsm = (x + eps * grad_sign(x)).clamp(0, 1)
        g = torch.Generator().manual_seed(d["seed"])
        start = torch.rand(x.shape, generator=g)
        current = (x + (start * (2 * eps) - eps)).clamp(0, 1)
        for _ in range(steps):
            current = torch.min(torch.max(current + alpha * grad_sign(current), x - eps), x + eps).clamp(0, 1)
        print(json.dumps({"fgsm": fgsm.flatten().tolist(), "pgd": current.flatten().tolist()}))
        """;

    [PythonTorchFact]
    public void Fgsm_and_pgd_match_pytorch()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var first = nn.Linear(12, 8);
        var second = nn.Linear(8, 3);
        using var model = nn.Sequential(nn.Flatten(), first, nn.ReLU(), second);
        var normalization = new InputNormalization([0.4, 0.6], [0.2, 0.3]);
        var pixels = torch.rand(4, 2, 2, 3);
        var targets = torch.tensor(new long[] { 0, 1, 2, 1 });
        const double epsilon = 0.1;
        const long seed = 23;
        var pgd = new AdversarialAttack(AttackKind.Pgd, epsilon, Steps: 5, Seed: seed);

        var input = normalization.FromPixels(pixels);
        var oursFgsm = normalization.ToPixels(Adversarial.Perturb(model, input, targets, new AdversarialAttack(AttackKind.Fgsm, epsilon), normalization)).data<float>();
        using var generator = new Generator(seed);
        var oursPgd = normalization.ToPixels(Adversarial.Perturb(model, input, targets, pgd, normalization, generator)).data<float>();

        var request = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["w1"] = first.weight.data<float>(), ["b1"] = first.bias!.data<float>(),
            ["w2"] = second.weight.data<float>(), ["b2"] = second.bias!.data<float>(),
            ["mean"] = new[] { 0.4, 0.6 }, ["std"] = new[] { 0.2, 0.3 },
            ["pixels"] = pixels.data<float>(), ["targets"] = targets.data<long>(),
            ["eps"] = epsilon, ["steps"] = pgd.Steps, ["alpha"] = pgd.StepSize, ["seed"] = seed,
        });
        using var reference = JsonDocument.Parse(RunPython(request));
        var theirsFgsm = reference.RootElement.GetProperty("fgsm").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var theirsPgd = reference.RootElement.GetProperty("pgd").EnumerateArray().Select(e => e.GetSingle()).ToArray();

        Assert.Equal(48, theirsFgsm.Length);
        for (var i = 0; i < 48; i++)
        {
            Assert.True(Math.Abs(oursFgsm[i] - theirsFgsm[i]) < 1e-5, $"FGSM pixel {i}: ours {oursFgsm[i]}, PyTorch {theirsFgsm[i]}");
            Assert.True(Math.Abs(oursPgd[i] - theirsPgd[i]) < 1e-5, $"PGD pixel {i}: ours {oursPgd[i]}, PyTorch {theirsPgd[i]}");
        }
        // The attacks did move the pixels.
        var original = pixels.data<float>();
        Assert.Contains(Enumerable.Range(0, 48), i => Math.Abs(oursPgd[i] - original[i]) > 0.05);
    }

    private static string RunPython(string stdin)
    {
        var start = new ProcessStartInfo(PythonTorchFactAttribute.Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Reference);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "python3 did not finish");
        Assert.True(process.ExitCode == 0, errors.Result);
        return output.Result;
    }
}
