using SparseDsl.Modeling;

namespace SparseDsl.Generators.Emitting;

/// <summary>
/// Writes the statements of a generated <c>forward</c>, running tensor <c>x</c>. It tracks whether <c>x</c> was just made by a
/// layer that does not keep its output for backward (Conv2d, Linear, BatchNorm, a residual addition): only then may the
/// next ReLU or residual addition work in place, as torchvision's <c>ReLU(inplace=True)</c> and <c>out += identity</c> do,
/// which saves one tensor per such layer. Everything else (the caller's input, a ReLU output autograd keeps, a pooled or
/// flattened view, dropout that may return its input) gets an out-of-place operation.
/// </summary>
internal sealed class ForwardStatements
{
    /// <summary>True while <c>x</c> may be overwritten in place.</summary>
    private bool fresh;

    /// <summary>
    /// The statements for one layer. <paramref name="field"/> names the module field of a layer with parameters;
    /// <paramref name="flattenIsNoOp"/> skips a Flatten of an already flat input.
    /// </summary>
    public IEnumerable<string> Layer(LayerKind kind, string field, int kernel, int stride, int padding, double p, bool flattenIsNoOp)
    {
        switch (kind)
        {
            case LayerKind.Conv2d:
            case LayerKind.Linear:
            case LayerKind.BatchNorm2d:
            case LayerKind.BatchNorm1d:
                fresh = true;
                return new[] { "x = this." + field + ".forward(x);" };
            case LayerKind.ReLU:
                var relu = fresh ? "relu_(x)" : "relu(x)";
                fresh = false;
                return new[] { "x = " + Names.Functional + "." + relu + ";" };
            case LayerKind.MaxPool2d:
                fresh = false;
                return new[] { "x = " + Names.Functional + ".max_pool2d(x, " + kernel + ", " + stride + ", " + padding + ");" };
            case LayerKind.AvgPool2d:
                fresh = false;
                return new[] { "x = " + Names.Functional + ".avg_pool2d(x, " + kernel + ", " + stride + ", " + padding + ");" };
            case LayerKind.GlobalAvgPool:
                fresh = false;
                return new[] { "x = " + Names.Functional + ".adaptive_avg_pool2d(x, 1);", "x = x.flatten(1);" };
            case LayerKind.Flatten:
                // Already flat: nothing to do (keeps the generated pass free of no-op calls).
                if (flattenIsNoOp) return new string[0];
                fresh = false;
                return new[] { "x = x.flatten(1);" };
            case LayerKind.Dropout:
                fresh = false;
                return new[] { "x = " + Names.Functional + ".dropout(x, " + Literals.Double(p) + ", this.training);" };
            default:
                return new string[0];
        }
    }

    /// <summary>Adds <paramref name="shortcut"/> (an expression) to <c>x</c>.</summary>
    public string Residual(string shortcut)
    {
        var statement = fresh ? "x = x.add_(" + shortcut + ");" : "x = x.add(" + shortcut + ");";
        fresh = true;
        return statement;
    }

    /// <summary>A stage's output: its last block may have ended on a ReLU autograd keeps.</summary>
    public string Stage(string field)
    {
        fresh = false;
        return "x = this." + field + ".forward(x);";
    }
}
