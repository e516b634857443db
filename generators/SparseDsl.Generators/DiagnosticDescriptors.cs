using Microsoft.CodeAnalysis;

namespace SparseDsl.Generators;

/// <summary>
/// Every diagnostic SparseDsl.Generators reports. IDs are stable: add new ones at the end and list them in
/// AnalyzerReleases.Unshipped.md. Messages say what to change.
/// </summary>
public static class DiagnosticDescriptors
{
    public const string Category = "SparseDsl";

    public static readonly DiagnosticDescriptor DeclarationMustBePartial = Error(
        "SDSL0001", "SparseDsl declaration must be partial",
        "'{0}' must be declared partial so the generator can add its members; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor DeclarationMustBeTopLevel = Error(
        "SDSL0002", "SparseDsl declaration must be a top-level non-generic type",
        "'{0}' must be a top-level, non-generic type; move it out of its containing type and remove its type parameters");

    public static readonly DiagnosticDescriptor ModelHasNoLayers = Error(
        "SDSL0003", "Model has no layers",
        "Model '{0}' declares no layers; add layer attributes such as [Conv2d(16, 3)] or [Linear(10)] after [SparseModel]");

    public static readonly DiagnosticDescriptor InvalidInputShape = Error(
        "SDSL0004", "Invalid input shape",
        "Input shape {0} of model '{1}' is invalid; give (channels, height, width) or (features), every size positive");

    public static readonly DiagnosticDescriptor InputSizeMismatch = Error(
        "SDSL0005", "Declared input size differs from the inferred one",
        "Layer '{0}' declares In = {1} but receives {2} {3} from the previous layer; set In = {2} or remove In");

    public static readonly DiagnosticDescriptor FlatInputRequired = Error(
        "SDSL0006", "Layer needs a flat input",
        "Layer '{0}' ({1}) needs a flat [features] input but receives [{2}]; add [Flatten] or [GlobalAvgPool] before it");

    public static readonly DiagnosticDescriptor SpatialInputRequired = Error(
        "SDSL0007", "Layer needs a [C, H, W] input",
        "Layer '{0}' ({1}) needs a [channels, height, width] input but receives [{2}]; move it before [Flatten] or [GlobalAvgPool], or use a flat layer such as [Linear]");

    public static readonly DiagnosticDescriptor KernelLargerThanInput = Error(
        "SDSL0008", "Kernel larger than the padded input",
        "Layer '{0}' has an effective kernel of {1} but its padded input is only {2}×{3}; use a smaller kernel, more padding, or fewer downsampling layers before it");

    public static readonly DiagnosticDescriptor NonPositiveSize = Error(
        "SDSL0009", "Size must be positive",
        "{0} of layer '{1}' is {2}; it must be {3}");

    public static readonly DiagnosticDescriptor GroupsMismatch = Error(
        "SDSL0010", "Channels not divisible by groups",
        "Layer '{0}' has {1} input and {2} output channels, which Groups = {3} does not divide; choose Groups dividing both");

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        "SDSL0011", "Value out of range",
        "{0} of layer '{1}' is {2}; it must be {3}");

    public static readonly DiagnosticDescriptor InvalidLayerName = Error(
        "SDSL0012", "Invalid layer name",
        "Layer name '{0}' cannot be used: {1}; choose another Name");

    public static readonly DiagnosticDescriptor DuplicateLayerName = Error(
        "SDSL0013", "Duplicate layer name",
        "Model '{0}' already has a layer named '{1}'; give this layer a different Name");

    public static readonly DiagnosticDescriptor LayersOnOtherPartialDeclaration = Error(
        "SDSL0014", "Layer attribute outside the [SparseModel] declaration",
        "Layer attributes of '{0}' must all be on the partial declaration that carries [SparseModel], where their order is the forward order; move this attribute there");

    public static readonly DiagnosticDescriptor DuplicateModelName = Error(
        "SDSL0015", "Duplicate model name",
        "Model name or alias '{0}' of '{1}' is already used by '{2}'; choose another Name");

    public static readonly DiagnosticDescriptor DensityOutOfRange = Error(
        "SDSL0016", "Density outside (0, 1]",
        "{0} of policy '{1}' is {2}; it must be in (0, 1], e.g. 0.1 for 90% sparsity");

    public static readonly DiagnosticDescriptor UnknownAllocation = Error(
        "SDSL0017", "Unknown allocation",
        "Policy '{0}' uses allocation value {1}, which is not a member of SparseDsl.Allocation; use Allocation.Dense, Uniform, UniformPlus, Er, Erk or ErkPlus");

    public static readonly DiagnosticDescriptor PolicyInfeasible = Warning(
        "SDSL0018", "Policy cannot be met for a model",
        "Policy '{0}' cannot be applied to model '{1}': {2}; its density table is left out of '{1}.DensityTables'");

    public static readonly DiagnosticDescriptor DenseDensityIgnored = Warning(
        "SDSL0019", "Dense policy ignores its density",
        "Policy '{0}' is Dense, which keeps every weight, so density {1} is ignored; remove the density argument or choose another allocation");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "SDSL0020", "SparseDsl generator failed",
        "The SparseDsl generator failed on '{0}' ({1}); please report this with the declaration");

    public static readonly DiagnosticDescriptor DuplicatePolicyName = Error(
        "SDSL0021", "Duplicate policy name",
        "Policy name '{0}' of '{1}' is already used by '{2}'; choose another Name");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
