namespace SparseDsl.Training;

/// <summary>Loss and accuracy over a dataset.</summary>
public readonly record struct Score(double Loss, double Accuracy, long Count);

/// <summary>What one epoch of training produced.</summary>
public sealed record EpochMetrics(int Epoch, int Epochs, double LearningRate, Score Train, Score? Validation, TimeSpan Elapsed);
