using System.Runtime.CompilerServices;
using System.Text;

namespace SparseDsl.Generators.Tests.Snapshots;

/// <summary>
/// Minimal snapshot verification laid out like Verify.SourceGenerators, so moving to Verify.Xunit later changes only
/// the call sites: <c>&lt;TestClass&gt;.&lt;TestMethod&gt;#&lt;HintName without .cs&gt;.verified.cs</c> next to the test
/// source, holding <c>//HintName: &lt;HintName&gt;</c> then the generated text, UTF-8 with BOM, LF line endings.
/// The test class is taken to be named like its file.
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "SPARSEDSL_ACCEPT_SNAPSHOTS";
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// Compares <paramref name="generatedText"/> with the verified snapshot. On a difference (or no snapshot) writes
    /// <c>.received.cs</c> and fails, unless <c>SPARSEDSL_ACCEPT_SNAPSHOTS=1</c>, which accepts it as the new snapshot.
    /// </summary>
    public static void VerifySource(string hintName, string generatedText,
        [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        Verify(Path.GetFileNameWithoutExtension(testFile) + "." + testMethod + "#" + StripExtension(hintName), ".cs",
            "//HintName: " + hintName + "\n" + Normalize(generatedText), hintName, testFile);

    /// <summary>
    /// Compares plain text (diagnostics, say) with <c>&lt;TestClass&gt;.&lt;TestMethod&gt;.verified.txt</c>, Verify's layout for
    /// text; the same accept and fail rules as <see cref="VerifySource"/>.
    /// </summary>
    public static void VerifyText(string text, [CallerFilePath] string testFile = "", [CallerMemberName] string testMethod = "") =>
        Verify(Path.GetFileNameWithoutExtension(testFile) + "." + testMethod, ".txt", Normalize(text), testMethod, testFile);

    private static void Verify(string stem, string extension, string received, string subject, string testFile)
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var verifiedPath = Path.Combine(directory, stem + ".verified" + extension);
        var receivedPath = Path.Combine(directory, stem + ".received" + extension);

        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath, Encoding.UTF8)) : null;
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, received, Utf8WithBom);
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received, Utf8WithBom);
        var reason = verified == null ? "No verified snapshot exists" : "The generated source differs from the verified snapshot";
        Assert.Fail($"{reason} for {subject}.{Environment.NewLine}" +
            $"Received: {receivedPath}{Environment.NewLine}Verified: {verifiedPath}{Environment.NewLine}" +
            $"If the change is intended, accept it by renaming (or copying) the .received{extension} file over the .verified{extension} file, " +
            $"or re-run the tests with {AcceptVariable}=1; then commit the .verified{extension} file.");
    }

    private static string StripExtension(string hintName) =>
        hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;

    private static string Normalize(string text) => text.Replace("\r\n", "\n");
}
