namespace SparseDsl.Runner.Options;

/// <summary>Section "Output": where run folders go and how progress is shown.</summary>
public sealed class OutputOptions
{
    public const string Section = "Output";

    /// <summary>Root folder of run and sweep folders (relative to the current directory).</summary>
    public string Root { get; set; } = "runs";

    /// <summary>auto (live bars in a terminal, log lines when redirected), live, or log.</summary>
    public string Progress { get; set; } = "auto";

    /// <summary>log progress: seconds between progress lines within an epoch (0 = every step); each epoch end also gets a line.</summary>
    public double LogInterval { get; set; } = 10;

    /// <summary>ratios: print JSON (one object per masked layer) instead of a table.</summary>
    public bool Json { get; set; }
}
