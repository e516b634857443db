using System.Diagnostics;
using System.Text.Json;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>Runs only where <c>/usr/bin/python3</c> exists; says so when skipped.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    public PythonFactAttribute()
    {
        if (!File.Exists(Python)) Skip = $"{Python} is absent: the Python interop check needs a Python 3 interpreter there.";
    }
}

/// <summary>
/// SparseDsl's safetensors files against an independent implementation: a plain reader and writer in Python using
/// only the standard library (json, struct) and numpy when present — the layout of the format, nothing of ours.
/// </summary>
public sealed class PythonInteropTests : IDisposable
{
    // Reads a safetensors file as the format defines it; prints {name: {dtype, shape, first, sum}} and the metadata as JSON.
    private const string PlainReader = """
        import json, struct, sys
        try:
            import numpy
        except ImportError:
            numpy = None
        raw = open(sys.argv[1], "rb").read()
        (n,) = struct.unpack("<Q", raw[:8])
        header = json.loads(raw[8:8 + n])
        data = raw[8 + n:]
        metadata = header.pop("__metadata__", {})
        sizes = {"F32": ("f", 4), "F64": ("d", 8), "I64": ("q", 8), "I32": ("i", 4), "U8": ("B", 1), "BOOL": ("?", 1)}
        out = {}
        for name, entry in header.items():
            begin, end = entry["data_offsets"]
            code, size = sizes[entry["dtype"]]
            count = (end - begin) // size
            if numpy is not None:
                values = numpy.frombuffer(data[begin:end], dtype="<" + code).astype(numpy.float64)
                first, total = (float(values[0]) if count else None), float(values.sum())
            else:
                values = struct.unpack("<%d%s" % (count, code), data[begin:end])
                first, total = (float(values[0]) if count else None), float(sum(values))
            out[name] = {"dtype": entry["dtype"], "shape": entry["shape"], "first": first, "sum": total}
        print(json.dumps({"tensors": out, "metadata": metadata}))
        """;

    // Writes a safetensors file by hand: two tensors and metadata, header padded as the reference writer does.
    private const string PlainWriter = """
        import json, struct, sys
        a = struct.pack("<3f", 1.5, -2.0, 0.25)
        b = struct.pack("<2q", 7, -9)
        header = {"__metadata__": {"source": "python"},
                  "b": {"dtype": "I64", "shape": [2], "data_offsets": [0, 16]},
                  "a": {"dtype": "F32", "shape": [3, 1], "data_offsets": [16, 28]}}
        text = json.dumps(header).encode()
        text += b" " * (-len(text) % 8)
        with open(sys.argv[1], "wb") as f:
            f.write(struct.pack("<Q", len(text)) + text + b + a)
        """;

    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private static string RunPython(string script, string argument)
    {
        var start = new ProcessStartInfo(PythonFactAttribute.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "python did not finish");
        Assert.True(process.ExitCode == 0, $"python failed: {errors.Result}");
        return output.Result;
    }

    [PythonFact]
    public void A_checkpoint_reads_in_plain_python_with_the_models_tensor_names_and_shapes()
    {
        using var train = TestRuns.Slice(0, 128);
        using var model = TestRuns.MaskedModel("lenet5");
        var options = TestRuns.Options(folder.Path);
        new Trainer(TestRuns.Settings(epochs: 1)).Train(model, train, null, checkpoints: options);

        using var json = JsonDocument.Parse(RunPython(PlainReader, options.LatestPath));
        var tensors = json.RootElement.GetProperty("tensors");
        var modelTensorNames = tensors.EnumerateObject().Select(t => t.Name).Where(n => !CheckpointKeys.IsReserved(n)).Order(StringComparer.Ordinal);
        var stateDict = model.state_dict();
        Assert.Equal(stateDict.Select(p => p.name).Order(StringComparer.Ordinal), modelTensorNames);
        foreach (var (name, tensor) in stateDict)
        {
            var entry = tensors.GetProperty(name);
            Assert.Equal(tensor.shape, entry.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()));
            var values = tensor.to(ScalarType.Float64).data<double>();
            Assert.Equal(values[0], entry.GetProperty("first").GetDouble()); // exact: a float32 widened on both sides
            var sum = values.Sum();
            Assert.Equal(sum, entry.GetProperty("sum").GetDouble(), 1e-9 * Math.Max(1, Math.Abs(sum)));
        }
        Assert.Equal("F32", tensors.GetProperty("conv1.weight_mask").GetProperty("dtype").GetString());
        Assert.Equal("U8", tensors.GetProperty(CheckpointKeys.TorchCpuRngState).GetProperty("dtype").GetString());
        var metadata = json.RootElement.GetProperty("metadata");
        Assert.Equal("LeNet5", metadata.GetProperty("model").GetString());
        Assert.Equal("1", metadata.GetProperty("epoch").GetString());
    }

    [PythonFact]
    public void A_file_written_by_plain_python_reads_in_SparseDsl()
    {
        var path = folder.File("python.safetensors");
        RunPython(PlainWriter, path);

        var file = SafetensorsReader.Read(path);

        Assert.Equal("python", file.Metadata["source"]);
        using var scope = NewDisposeScope();
        var a = TensorBytes.ToTensor(file.Find("a")!);
        Assert.Equal([3L, 1L], a.shape);
        Assert.Equal([1.5f, -2f, 0.25f], a.data<float>());
        Assert.Equal([7L, -9L], TensorBytes.ToTensor(file.Find("b")!).data<long>());
        Assert.Equal(ScalarType.Int64, file.Find("b")!.Dtype.ToScalarType());
    }
}
