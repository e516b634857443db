namespace SparseDsl.Sparsity;

/// <summary>Implemented by the generator on every <c>[SparsityPolicy]</c> declaration.</summary>
public interface ISparsityPolicy
{
    /// <summary>The declared policy.</summary>
    static abstract SparsityPolicy Policy { get; }
}
