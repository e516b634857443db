namespace SparseDsl.Training;

/// <summary>Where training is: step <see cref="Step"/> (1-based) of <see cref="Steps"/> in epoch <see cref="Epoch"/>.</summary>
public readonly record struct StepProgress(int Epoch, int Step, int Steps)
{
    /// <summary>Epochs of the whole run.</summary>
    public int Epochs { get; init; }

    /// <summary>Training images seen so far in this epoch.</summary>
    public long Seen { get; init; }

    /// <summary>Time since this epoch started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>What <see cref="RunningScore"/> calls (the trainer's reader of its device-side sums).</summary>
    public Func<Score>? ScoreReader { get; init; }

    /// <summary>
    /// Loss and accuracy over this epoch's batches so far. Reads the device (one synchronisation), so a display calls
    /// it when it refreshes, not at every step; valid only inside the <see cref="Trainer.OnStep"/> callback.
    /// </summary>
    public Score RunningScore() => ScoreReader?.Invoke() ?? new Score(double.NaN, double.NaN, 0);
}
