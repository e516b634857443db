using System.Text;

namespace SparseDsl.Generators.Tests.Snapshots;

/// <summary>The snapshot helper itself, run against a temporary directory.</summary>
public class SnapshotTests
{
    [Fact]
    public void A_missing_or_different_snapshot_fails_and_leaves_a_received_file_to_accept()
    {
        // With accepting switched on the helper never fails, which is what that mode is for.
        if (Environment.GetEnvironmentVariable(Snapshot.AcceptVariable) == "1") return;

        var directory = Directory.CreateTempSubdirectory("sparsedsl-snapshot-").FullName;
        try
        {
            var testFile = Path.Combine(directory, "FakeTests.cs");
            var received = Path.Combine(directory, "FakeTests.Method#N.M.g.received.cs");
            var verified = Path.Combine(directory, "FakeTests.Method#N.M.g.verified.cs");

            var missing = Assert.ThrowsAny<Exception>(() => Snapshot.VerifySource("N.M.g.cs", "class M {}\r\n", testFile, "Method"));
            Assert.Contains("No verified snapshot", missing.Message);
            Assert.Contains("renaming (or copying) the .received.cs file", missing.Message);
            var bytes = File.ReadAllBytes(received);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
            Assert.Equal("//HintName: N.M.g.cs\nclass M {}\n", Encoding.UTF8.GetString(bytes[3..]));

            File.Move(received, verified);
            Snapshot.VerifySource("N.M.g.cs", "class M {}\n", testFile, "Method");
            Assert.False(File.Exists(received));

            var changed = Assert.ThrowsAny<Exception>(() => Snapshot.VerifySource("N.M.g.cs", "class M { }\n", testFile, "Method"));
            Assert.Contains("differs from the verified snapshot", changed.Message);
            Assert.True(File.Exists(received));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
