using System.Buffers.Binary;
using SparseDsl.Randomness;
using SparseDsl.Training;

namespace SparseDsl.Checkpoints.Tests;

/// <summary>
/// Hundreds of corruptions of a real checkpoint (bit flips in every region, overwritten and rewritten header bytes,
/// truncations, appended bytes, shifted header lengths): reading either succeeds or throws
/// <see cref="CheckpointFormatException"/> — never another exception — and the content hash catches every data flip.
/// </summary>
public sealed class CheckpointMutationTests : IDisposable
{
    private const int Mutations = 320;

    private readonly TestRuns.TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private byte[] RealCheckpoint()
    {
        using var train = TestRuns.Slice(0, 256);
        using var model = TestRuns.MaskedModel("lenet5");
        var options = TestRuns.Options(folder.Path);
        new Trainer(TestRuns.Settings(epochs: 1)).Train(model, train, null, checkpoints: options);
        return File.ReadAllBytes(options.LatestPath);
    }

    private enum Outcome { Loaded, Refused, Unexpected }

    private enum Mutation { HeaderBitFlip, LengthBitFlip, DataBitFlip, Truncation, HeaderOverwrite, DigitChange, Append, LengthShift }

    private static (Mutation Kind, string Description, byte[] Bytes) Mutate(byte[] original, int index, DeterministicRandom random)
    {
        var headerEnd = 8 + (long)BinaryPrimitives.ReadUInt64LittleEndian(original);
        var kind = (Mutation)(index % 8);
        var bytes = (byte[])original.Clone();
        long At(long from, long to) => from + random.NextLong(to - from);
        switch (kind)
        {
            case Mutation.HeaderBitFlip or Mutation.LengthBitFlip or Mutation.DataBitFlip:
            {
                var (from, to) = kind switch { Mutation.HeaderBitFlip => (8L, headerEnd), Mutation.LengthBitFlip => (0L, 8L), _ => (headerEnd, original.LongLength) };
                var position = At(from, to);
                var bit = (int)random.NextLong(8);
                bytes[position] ^= (byte)(1 << bit);
                return (kind, $"bit {bit} of byte {position} flipped", bytes);
            }
            case Mutation.Truncation:
            {
                var length = At(0, original.LongLength);
                return (kind, $"truncated to {length} bytes", bytes[..(int)length]);
            }
            case Mutation.HeaderOverwrite:
            {
                var position = At(8, headerEnd);
                var count = (int)Math.Min(1 + random.NextLong(16), headerEnd - position);
                for (var i = 0; i < count; i++) bytes[position + i] = (byte)random.NextLong(256);
                return (kind, $"{count} random bytes written at {position}", bytes);
            }
            case Mutation.DigitChange:
            {
                var digits = Enumerable.Range(8, (int)(headerEnd - 8)).Where(i => bytes[i] is >= (byte)'0' and <= (byte)'9').ToArray();
                var position = digits[random.NextLong(digits.Length)];
                var digit = (byte)('0' + random.NextLong(10));
                bytes[position] = digit;
                return (kind, $"digit at {position} set to {(char)digit}", bytes);
            }
            case Mutation.Append:
            {
                var extra = new byte[1 + random.NextLong(64)];
                for (var i = 0; i < extra.Length; i++) extra[i] = (byte)random.NextLong(256);
                return (kind, $"{extra.Length} bytes appended", [.. bytes, .. extra]);
            }
            default:
            {
                var shift = random.NextLong(33) - 16;
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, unchecked((ulong)(headerEnd - 8 + shift)));
                return (kind, $"header length shifted by {shift}", bytes);
            }
        }
    }

    [Fact]
    public void Mutated_checkpoints_only_ever_load_or_throw_the_format_exception()
    {
        var original = RealCheckpoint();
        var random = new DeterministicRandom(20251122);
        var unexpected = new List<string>();
        var refused = new Dictionary<Mutation, int>();
        var dataFlipsAccepted = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var (kind, description, bytes) = Mutate(original, i, random);
            var path = $"mutation-{i}.safetensors";
            Outcome Try(Action load)
            {
                try
                {
                    load();
                    return Outcome.Loaded;
                }
                catch (CheckpointFormatException e)
                {
                    Assert.Equal(path, e.Path);
                    return Outcome.Refused;
                }
                catch (Exception e)
                {
                    unexpected.Add($"{description}: {e.GetType().Name}: {e.Message}");
                    return Outcome.Unexpected;
                }
            }
            // The format layer alone (data flips pass it), then the checkpoint layer (content hash, metadata).
            Try(() => SafetensorsReader.Read(new MemoryStream(bytes), path));
            var outcome = Try(() => TrainingCheckpoint.Load(new MemoryStream(bytes), path));
            if (outcome == Outcome.Refused) refused[kind] = refused.GetValueOrDefault(kind) + 1;
            if (outcome == Outcome.Loaded && kind == Mutation.DataBitFlip) dataFlipsAccepted++;
        }
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        // The untouched file loads, and each kind of damage was refused at least once (the test cannot pass vacuously).
        TrainingCheckpoint.Load(new MemoryStream(original), "original");
        Assert.All(Enum.GetValues<Mutation>(), kind => Assert.True(refused.GetValueOrDefault(kind) > 0, $"no {kind} was refused"));
        Assert.Equal(0, dataFlipsAccepted);
    }
}
