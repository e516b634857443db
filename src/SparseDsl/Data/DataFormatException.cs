namespace SparseDsl.Data;

/// <summary>A data file is missing, truncated or not in the format expected; the message names the file and the fix.</summary>
public sealed class DataFormatException(string message) : Exception(message);
