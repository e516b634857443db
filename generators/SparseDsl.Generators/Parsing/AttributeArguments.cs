using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SparseDsl.Generators.Infrastructure;

namespace SparseDsl.Generators.Parsing;

/// <summary>
/// Reads one attribute application: values from the semantic <see cref="AttributeData"/> (constants already converted
/// to the parameter types), locations from its syntax so diagnostics point at the offending argument.
/// </summary>
internal sealed class AttributeArguments(AttributeData data, AttributeSyntax syntax)
{
    public AttributeSyntax Syntax { get; } = syntax;

    /// <summary>True when the compiler could not bind the attribute; it reports that itself, so the generator stays quiet.</summary>
    public bool HasErrors =>
        data.AttributeConstructor == null
        || data.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
        || data.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

    public LocationInfo? AttributeLocation => LocationInfo.From(Syntax);

    public T Positional<T>(int index, T fallback) =>
        index < data.ConstructorArguments.Length && data.ConstructorArguments[index].Value is T value ? value : fallback;

    /// <summary>The values of a <c>params</c> array argument.</summary>
    public IReadOnlyList<T> PositionalArray<T>(int index)
    {
        if (index >= data.ConstructorArguments.Length || data.ConstructorArguments[index].Kind != TypedConstantKind.Array
            || data.ConstructorArguments[index].IsNull)
            return new T[0];
        return data.ConstructorArguments[index].Values.Select(v => v.Value is T t ? t : default!).ToArray();
    }

    public bool HasNamed(string name) => data.NamedArguments.Any(a => a.Key == name);

    /// <summary>The values of an array property, or null when it is not set (or set to null).</summary>
    public IReadOnlyList<T>? NamedArray<T>(string name)
    {
        foreach (var argument in data.NamedArguments)
            if (argument.Key == name)
                return argument.Value.Kind != TypedConstantKind.Array || argument.Value.IsNull
                    ? null
                    : argument.Value.Values.Select(v => v.Value is T t ? t : default!).ToArray();
        return null;
    }

    /// <summary>The attribute's name as written, e.g. <c>Conv2d</c>.</summary>
    public string Name => Syntax.Name.ToString();

    /// <summary>
    /// SDSL0034 for every argument that binds to something but is not a compile-time constant (say a static property):
    /// the compiler rejects it too, but cannot say how to vary a size in this DSL.
    /// </summary>
    public IEnumerable<DiagnosticInfo> NonConstantArguments(SemanticModel semanticModel)
    {
        var arguments = Syntax.ArgumentList?.Arguments;
        if (arguments == null) yield break;
        foreach (var argument in arguments)
        {
            var expression = argument.Expression;
            if (expression is TypeOfExpressionSyntax or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax
                or CollectionExpressionSyntax) continue;
            if (semanticModel.SyntaxTree != expression.SyntaxTree || semanticModel.GetConstantValue(expression).HasValue) continue;
            var type = semanticModel.GetTypeInfo(expression).Type;
            if (type == null || type.TypeKind == TypeKind.Error) continue;
            yield return DiagnosticInfo.Create(DiagnosticDescriptors.NonConstantArgument, LocationInfo.From(argument), expression.ToString(), Name);
        }
    }

    public T Named<T>(string name, T fallback)
    {
        foreach (var argument in data.NamedArguments)
            if (argument.Key == name && argument.Value.Value is T value) return value;
        return fallback;
    }

    /// <summary>Where constructor argument <paramref name="index"/> is written (by position or <c>name:</c>), else the attribute.</summary>
    public LocationInfo? PositionalLocation(int index)
    {
        var arguments = Syntax.ArgumentList?.Arguments;
        var parameters = data.AttributeConstructor?.Parameters;
        if (arguments == null || parameters == null || index >= parameters.Value.Length) return AttributeLocation;
        var parameterName = parameters.Value[index].Name;
        foreach (var argument in arguments)
            if (argument.NameColon?.Name.Identifier.ValueText == parameterName) return LocationInfo.From(argument);
        var position = 0;
        foreach (var argument in arguments)
        {
            if (argument.NameEquals != null || argument.NameColon != null) continue;
            if (position++ == index) return LocationInfo.From(argument);
        }
        return AttributeLocation;
    }

    /// <summary>Where property <paramref name="name"/> is assigned, else the attribute.</summary>
    public LocationInfo? NamedLocation(string name)
    {
        var arguments = Syntax.ArgumentList?.Arguments;
        if (arguments != null)
            foreach (var argument in arguments)
                if (argument.NameEquals?.Name.Identifier.ValueText == name) return LocationInfo.From(argument);
        return AttributeLocation;
    }

    /// <summary>
    /// Where element <paramref name="index"/> of array property <paramref name="name"/> is written (<c>["a", "b"]</c>,
    /// <c>new[] { … }</c> or <c>new string[] { … }</c>), else where the property is assigned.
    /// </summary>
    public LocationInfo? NamedArrayElementLocation(string name, int index)
    {
        var arguments = Syntax.ArgumentList?.Arguments;
        if (arguments != null)
            foreach (var argument in arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText != name) continue;
                var elements = argument.Expression switch
                {
                    CollectionExpressionSyntax collection => collection.Elements.Select(e => (SyntaxNode)e).ToList(),
                    ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions.Select(e => (SyntaxNode)e).ToList(),
                    ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.Select(e => (SyntaxNode)e).ToList(),
                    _ => new List<SyntaxNode>(),
                };
                return index < elements.Count ? LocationInfo.From(elements[index]) : LocationInfo.From(argument);
            }
        return AttributeLocation;
    }
}
