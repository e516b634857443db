namespace SparseDsl.Training;

/// <summary>Where training is: step <see cref="Step"/> (1-based) of <see cref="Steps"/> in epoch <see cref="Epoch"/>.</summary>
public readonly record struct StepProgress(int Epoch, int Step, int Steps);
