using SparseDsl.Generated;
using SparseDsl.Modeling;
using SparseDsl.Sparsity;

namespace SparseDsl.Runner.Options;

/// <summary>
/// The names <c>Experiment:Policies</c> accepts, ignoring case: the built-in ratios (<see cref="RatioPolicy"/>: dense,
/// uniform, erk, snip, …) and the policies declared with <c>[SparsityPolicy]</c> (the generated catalog's
/// <c>Policies</c>, e.g. <c>Erk90StemDense</c>). A built-in name wins over a declared policy spelled the same (the zoo's
/// <c>Dense</c> is the built-in <c>dense</c>). A declared policy brings its own density, classifier density and layer
/// rules: the runner computes it exactly as the generator computed its table (<see cref="RatioRequest.For"/>).
/// </summary>
public sealed class PolicyNames
{
    private readonly SparsityPolicy[] declared;
    private readonly Func<string, ModelEntry?> findModel;

    public PolicyNames(IEnumerable<SparsityPolicy> declared, Func<string, ModelEntry?> findModel)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(findModel);
        this.declared = [.. declared.Where(p => !RatioPolicy.TryParse(p.Name, out _))];
        this.findModel = findModel;
    }

    /// <summary>The built-in ratios and the policies declared in the model zoo.</summary>
    public static PolicyNames Catalog { get; } = new(ModelCatalog.Policies, ModelCatalog.Find);

    /// <summary>Declared policies the runner accepts by name (those not shadowed by a built-in name).</summary>
    public IReadOnlyList<SparsityPolicy> Declared => declared;

    /// <summary>Every accepted name, for messages: the built-in ones, then the declared ones.</summary>
    public string Allowed =>
        string.Join(", ", RatioPolicy.All) + (declared.Length == 0 ? "" : "; declared: " + string.Join(", ", declared.Select(p => p.Name)));

    public bool IsKnown(string name) => RatioPolicy.TryParse(name, out _) || FindDeclared(name) is not null;

    /// <summary>The declared policy called <paramref name="name"/> (ignoring case), or null for a built-in or unknown name.</summary>
    public SparsityPolicy? FindDeclared(string name) =>
        RatioPolicy.TryParse(name, out _) ? null : Array.Find(declared, p => p.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The name a run is recorded under: the built-in's (<c>erk</c>) or the declaration's (<c>Erk90StemDense</c>).</summary>
    public string Canonical(string name) =>
        RatioPolicy.TryParse(name, out var builtIn) ? builtIn.Name
        : FindDeclared(name)?.Name ?? throw new ArgumentException($"Unknown policy '{name}'; expected one of {Allowed}.");

    /// <summary>
    /// The densities a grid point of policy <paramref name="name"/> runs at: dense 1; the explicit ratio 0 (its densities
    /// come from the rules); a declared policy its own density (0 for a declared Explicit one); else the experiment's.
    /// </summary>
    public IReadOnlyList<double> GridDensities(string name, IReadOnlyList<double> experimentDensities)
    {
        if (FindDeclared(name) is { } policy)
            return policy.Allocation switch
            {
                Allocation.Dense => [1.0],
                Allocation.Explicit => [0.0],
                _ => [policy.Density],
            };
        RatioPolicy.TryParse(name, out var builtIn);
        return builtIn!.Name == "dense" ? [1.0] : builtIn.IsExplicit ? [0.0] : experimentDensities;
    }

    /// <summary>
    /// What to compute the densities of one grid point from: a built-in ratio at <paramref name="density"/> with the
    /// experiment's rules, or a declared policy with its own.
    /// </summary>
    public RatioRequest Request(string name, double density, ExperimentOptions experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (FindDeclared(name) is { } policy) return RatioRequest.For(policy);
        if (!RatioPolicy.TryParse(name, out var builtIn)) throw new ArgumentException($"Unknown policy '{name}'; expected one of {Allowed}.");
        return new RatioRequest(builtIn, density) { ClassifierDensity = experiment.ClassifierDensity, Rules = experiment.Rules };
    }

    /// <summary>
    /// Why policy <paramref name="name"/> cannot run on <paramref name="model"/> at <paramref name="density"/>, computed with
    /// the code the run would use (shapes only, no model built): a declared policy not declared for the model, a budget
    /// the rules cannot meet (say, dense layers keeping more than d·N weights), a selector naming no layer, rules on a
    /// criterion. Null when it can, or when the name or model is unknown (reported on its own).
    /// </summary>
    public string? Problem(string name, string model, double density, ExperimentOptions experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (findModel(model) is not { } entry) return null;
        if (FindDeclared(name) is { } policy && !policy.AppliesTo(entry.Info))
            return $"policy '{policy.Name}' is declared for {string.Join(", ", policy.Models)} only, not for '{model}'; "
                + "add the model to its Models or choose another policy.";
        if (!IsKnown(name)) return null;
        var request = Request(name, density, experiment);
        if (request.Policy.Allocation is null)
            return request.Rules.IsEmpty ? null
                : $"the {request.Policy.Name} ratio takes no per-layer rules (Experiment:KeepDense, Experiment:LayerDensities); they combine with uniform, er, erk and explicit.";
        try
        {
            PolicyDensities.FromShapes(entry.Info, request);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
