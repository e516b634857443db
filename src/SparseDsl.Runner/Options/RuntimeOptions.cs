namespace SparseDsl.Runner.Options;

/// <summary>Section "Runtime": where and how wide to compute.</summary>
public sealed class RuntimeOptions
{
    public const string Section = "Runtime";

    /// <summary>auto (CUDA when present, else CPU), cpu, cuda or cuda:N.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Intra-op threads; 0 = one per processor.</summary>
    public int Threads { get; set; }
}
