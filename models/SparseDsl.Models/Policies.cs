namespace SparseDsl.Models;

/// <summary>No pruning: the dense baseline.</summary>
[SparsityPolicy(Allocation.Dense)]
public partial record Dense;

/// <summary>Every masked layer at density 0.1 (90% sparsity).</summary>
[SparsityPolicy(Allocation.Uniform, 0.1)]
public partial record Uniform90;

/// <summary>Erdős–Rényi-Kernel layer-wise densities at global density 0.1 (90% sparsity).</summary>
[SparsityPolicy(Allocation.Erk, 0.1)]
public partial record Erk90;
