namespace SparseDsl.Modeling;

/// <summary>Implemented by the generator on every <c>[SparseModel]</c> declaration.</summary>
public interface ISparseModel
{
    /// <summary>Layers, shapes, parameter and MAC counts, inferred at compile time.</summary>
    static abstract ModelInfo Info { get; }

    /// <summary>One table per <c>[SparsityPolicy]</c> of the compilation that is feasible for this model.</summary>
    static abstract IReadOnlyList<DensityTable> DensityTables { get; }

    /// <summary>A fresh module with newly initialised parameters.</summary>
    static abstract SparseModule CreateModule();
}
