namespace SparseDsl.Generators.Emitting;

/// <summary>Fully qualified names of the runtime types the generated code references.</summary>
internal static class Names
{
    public const string ISparseModel = "global::SparseDsl.Modeling.ISparseModel";
    public const string ModelInfo = "global::SparseDsl.Modeling.ModelInfo";
    public const string LayerInfo = "global::SparseDsl.Modeling.LayerInfo";
    public const string LayerKind = "global::SparseDsl.Modeling.LayerKind";
    public const string DensityTable = "global::SparseDsl.Modeling.DensityTable";
    public const string ModelEntry = "global::SparseDsl.Modeling.ModelEntry";
    public const string SparseModule = "global::SparseDsl.Modeling.SparseModule";
    public const string MaskedConv2d = "global::SparseDsl.Modeling.MaskedConv2d";
    public const string MaskedLinear = "global::SparseDsl.Modeling.MaskedLinear";
    public const string BlockModule = "global::SparseDsl.Modeling.BlockModule";
    public const string StageModule = "global::SparseDsl.Modeling.StageModule";
    public const string IndexedModuleList = "global::SparseDsl.Modeling.IndexedModuleList";
    public const string ProjectionShortcut = "global::SparseDsl.Modeling.ProjectionShortcut";
    public const string BatchNorm2d = "global::SparseDsl.Torch.Modules.BatchNorm2d";
    public const string BatchNorm1d = "global::SparseDsl.Torch.Modules.BatchNorm1d";
    public const string Tensor = "global::SparseDsl.Torch.torch.Tensor";
    public const string Functional = "global::SparseDsl.Torch.torch.nn.functional";
    public const string Allocation = "global::SparseDsl.Allocation";
    public const string ISparsityPolicy = "global::SparseDsl.Sparsity.ISparsityPolicy";
    public const string SparsityPolicy = "global::SparseDsl.Sparsity.SparsityPolicy";
    public const string LayerRules = "global::SparseDsl.Sparsity.LayerRules";
    public const string DensityDictionary = "global::System.Collections.Generic.Dictionary<string, double>";
    public const string IReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
    public const string StringComparison = "global::System.StringComparison";
    public const string ArgumentException = "global::System.ArgumentException";

    /// <summary>Namespace and name of the generated catalog.</summary>
    public const string CatalogNamespace = "SparseDsl.Generated";
    public const string CatalogClass = "ModelCatalog";
}
