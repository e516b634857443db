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
        "{0} of '{1}' is {2}; it must be {3}");

    public static readonly DiagnosticDescriptor GroupsMismatch = Error(
        "SDSL0010", "Channels not divisible by groups",
        "Layer '{0}' has {1} input and {2} output channels, which Groups = {3} does not divide; choose Groups dividing both");

    public static readonly DiagnosticDescriptor ValueOutOfRange = Error(
        "SDSL0011", "Value out of range",
        "{0} of '{1}' is {2}; it must be {3}");

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
        "Policy '{0}' uses allocation value {1}, which is not a member of SparseDsl.Allocation; use Allocation.Dense, Uniform, UniformPlus, Er, Erk, ErkPlus or Explicit");

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

    public static readonly DiagnosticDescriptor UnknownBlock = Error(
        "SDSL0022", "Unknown block type",
        "'{0}' is not a block of this project; declare it here as a partial record with [Block] and its layers, or use a [Block] type such as BasicBlock");

    public static readonly DiagnosticDescriptor ResidualShapeMismatch = Error(
        "SDSL0023", "Residual shapes cannot be matched",
        "Residual '{0}' cannot add its shortcut: the shortcut gives [{1}] but the block gives [{2}]; {3}");

    public static readonly DiagnosticDescriptor NotAllowedHere = Error(
        "SDSL0024", "Not allowed here",
        "{0} is not allowed {1}; {2}");

    public static readonly DiagnosticDescriptor ConflictingAttributes = Error(
        "SDSL0025", "Conflicting attributes",
        "{0} conflicts with {1}; {2}");

    public static readonly DiagnosticDescriptor StageChannelsNotScalable = Error(
        "SDSL0026", "Stage channels do not scale the block to whole channel counts",
        "Stage channels {0} do not scale block '{1}' (written for {2} output channels) to whole channel counts: layer '{3}' would get {4}; use a multiple of {5}");

    public static readonly DiagnosticDescriptor WidthNotWhole = Error(
        "SDSL0027", "Width gives a size that is not a whole number",
        "Width {0} of variant '{1}' scales {2} {3} of '{4}' to {5}, not a whole positive number below 2^31; choose a Width that scales every size to a whole number");

    public static readonly DiagnosticDescriptor FamilyWithoutVariants = Error(
        "SDSL0028", "Model family without variants",
        "Family '{0}' declares no variants; add at least one [Variant(\"name\")] to the declaration");

    public static readonly DiagnosticDescriptor VariantWithoutFamily = Error(
        "SDSL0029", "Variant outside a model family",
        "[Variant] on '{0}' needs [ModelFamily] on the same declaration; declare the template with [ModelFamily] instead of [SparseModel], or remove the variant");

    public static readonly DiagnosticDescriptor StageBlocksCountMismatch = Error(
        "SDSL0030", "StageBlocks does not match the stages",
        "StageBlocks of variant '{0}' lists {1} counts but '{2}' has {3} stages; give one count per stage");

    public static readonly DiagnosticDescriptor StrideWithoutStridedConv = Error(
        "SDSL0031", "Stage stride without a strided convolution",
        "Stage stride {0} would be ignored: block '{1}' has no Conv2d with Strided = true; mark the convolution that downsamples, or remove Stride");

    public static readonly DiagnosticDescriptor ParameterizedLayerBetweenStages = Error(
        "SDSL0032", "Layer with parameters between stages",
        "Layer '{0}' has parameters and sits between two stages, where its checkpoint order would differ from the forward order; move it into a block, or before the first or after the last stage");

    public static readonly DiagnosticDescriptor BlockWithoutConvolution = Error(
        "SDSL0033", "Block without a convolution",
        "Block '{0}' has no Conv2d; add one: the block's last convolution sets its output channels");

    public static readonly DiagnosticDescriptor NonConstantArgument = Error(
        "SDSL0034", "Attribute argument is not a constant",
        "Argument '{0}' of [{1}] is not a compile-time constant; use a literal or a const field, or declare a [ModelFamily] whose [Variant]s change the size");

    public static readonly DiagnosticDescriptor InvalidVariantTypeName = Error(
        "SDSL0035", "Variant type name cannot be generated",
        "Variant '{0}' cannot generate type '{1}': {2}; set TypeName to an unused identifier");

    public static readonly DiagnosticDescriptor SizeTooLarge = Error(
        "SDSL0036", "Layer too large to count",
        "Layer '{0}' is too large: its {1} would exceed 2^40; use smaller sizes");

    // SDSL0037-SDSL0040 depend on the model: a warning (the model's table is left out) when the policy applies to every
    // model, reported as an error where the policy names the model in Models (the consequence argument says which).

    public static readonly DiagnosticDescriptor LayerSelectorMatchesNothing = Warning(
        "SDSL0037", "Layer selector matches no layer of a model",
        "Policy '{0}' cannot be applied to model '{1}': {2}{3}");

    public static readonly DiagnosticDescriptor ConflictingLayerRules = Warning(
        "SDSL0038", "Layer rules give a layer two densities",
        "Policy '{0}' gives {1} two densities: {2}; remove or change one of the rules{3}");

    public static readonly DiagnosticDescriptor ExplicitLayersUnassigned = Warning(
        "SDSL0039", "Explicit policy leaves layers without a density",
        "Explicit policy '{0}' gives no density to {1} of model '{2}'; add [LayerDensity] or KeepDense rules that select them, or restrict the policy with Models{3}");

    public static readonly DiagnosticDescriptor FixedLayersExceedBudget = Warning(
        "SDSL0040", "Fixed layers cannot meet the policy's budget",
        "Policy '{0}' cannot meet density {1} on model '{2}' with its layer rules: {3}{4}");

    public static readonly DiagnosticDescriptor UnknownPolicyModel = Warning(
        "SDSL0041", "Policy names an unknown model",
        "Policy '{0}' names model '{1}' in Models, but no model of this compilation has that name or alias, so it gets no table for it; use one of {2}");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
