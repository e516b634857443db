namespace SparseDsl.Generators.Infrastructure;

/// <summary>A generated file's proposed hint name and a key naming the declaration it comes from (unique per declaration).</summary>
internal sealed record HintRequest(string Key, string HintName);

/// <summary>
/// Hint names must be unique ignoring case across all the generator's files, but declarations can propose the same
/// one: types differing only in case, a variant named like another type, two families generating one type name
/// (the compiler reports those; the generator must not fail on them). Names proposed once are kept; the second and
/// later of a clash (in key order) get <c>.2</c>, <c>.3</c>… before <c>.g.cs</c>, which no proposal ends with.
/// </summary>
internal sealed record HintNames(EquatableArray<HintRequest> Assigned)
{
    public static HintNames Assign(IEnumerable<HintRequest> requests)
    {
        var assigned = new List<HintRequest>();
        foreach (var clash in requests.Distinct().GroupBy(r => r.HintName, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var index = 0;
            foreach (var request in clash.OrderBy(r => r.Key, StringComparer.Ordinal))
                assigned.Add(++index == 1 ? request : request with { HintName = Numbered(request.HintName, index) });
        }
        return new HintNames(assigned.ToEquatableArray());
    }

    /// <summary>The hint name assigned to <paramref name="key"/>, or <paramref name="proposed"/> if it was never requested.</summary>
    public string For(string key, string proposed)
    {
        foreach (var request in Assigned)
            if (request.Key == key) return request.HintName;
        return proposed;
    }

    private static string Numbered(string hintName, int index)
    {
        const string extension = ".g.cs";
        var stem = hintName.EndsWith(extension, StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - extension.Length) : hintName;
        return stem + "." + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + extension;
    }
}
