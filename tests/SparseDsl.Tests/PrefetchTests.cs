using SparseDsl.Data;

namespace SparseDsl.Tests;

// Reads the process-wide count of live tensor handles, so runs beside no other test.
[Collection(nameof(SerialCollection))]
public class PrefetchTests
{
    private sealed class Item(int index)
    {
        public int Index { get; } = index;
        public bool Discarded { get; set; }
    }

    private sealed class Recorder
    {
        private readonly object gate = new();
        private int produced;
        private int consumed;
        public int MaxAhead { get; private set; }
        public List<Item> Made { get; } = [];

        public Item Produce(int index)
        {
            Thread.Sleep((index * 7) % 5);   // uneven work, so workers finish out of order
            var item = new Item(index);
            lock (gate)
            {
                Made.Add(item);
                produced++;
                MaxAhead = Math.Max(MaxAhead, produced - consumed);
            }
            return item;
        }

        public void Consumed()
        {
            lock (gate) consumed++;
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 6)]
    public void Items_come_in_order_and_never_more_than_capacity_ahead(int workers, int capacity)
    {
        var recorder = new Recorder();
        var seen = new List<int>();
        using (var prefetcher = new OrderedPrefetcher<Item>(40, recorder.Produce, i => i.Discarded = true, workers, capacity, default))
        {
            foreach (var item in prefetcher.Items())
            {
                seen.Add(item.Index);
                recorder.Consumed();
            }
        }
        Assert.Equal(Enumerable.Range(0, 40), seen);
        // The prefetcher frees a slot when it hands an item over; the recorder counts it consumed only when the loop
        // body runs, so one more item may be finished in between. Unbounded prefetching would reach 40.
        Assert.InRange(recorder.MaxAhead, 1, capacity + 1);
        Assert.DoesNotContain(recorder.Made, i => i.Discarded);
    }

    [Fact]
    public void Stopping_early_discards_exactly_the_items_not_handed_over()
    {
        var recorder = new Recorder();
        var taken = new List<Item>();
        using (var prefetcher = new OrderedPrefetcher<Item>(100, recorder.Produce, i => i.Discarded = true, 2, 4, default))
            taken.AddRange(prefetcher.Items().Take(5));
        Assert.All(taken, i => Assert.False(i.Discarded));
        Assert.All(recorder.Made.Except(taken), i => Assert.True(i.Discarded));
        Assert.InRange(recorder.Made.Count, 5, 5 + 4 + 1); // taken, the 4 slots, and one started as the fifth was handed over
    }

    [Fact]
    public void A_failure_reaches_the_consumer_at_its_index_with_its_type()
    {
        var seen = new List<int>();
        var discarded = 0;
        using var prefetcher = new OrderedPrefetcher<Item>(20,
            i => i == 6 ? throw new DataFormatException("image 6 is corrupt") : new Item(i),
            _ => Interlocked.Increment(ref discarded), workers: 3, capacity: 4, default);
        var e = Assert.Throws<DataFormatException>(() =>
        {
            foreach (var item in prefetcher.Items()) seen.Add(item.Index);
        });
        Assert.Equal("image 6 is corrupt", e.Message);
        Assert.Equal([0, 1, 2, 3, 4, 5], seen);
    }

    [Fact]
    public void Cancellation_stops_the_consumer_and_the_workers()
    {
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder();
        var seen = 0;
        var prefetcher = new OrderedPrefetcher<Item>(1000, recorder.Produce, i => i.Discarded = true, 2, 3, cancel.Token);
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var _ in prefetcher.Items())
                if (++seen == 3) cancel.Cancel();
        });
        prefetcher.Dispose();
        Assert.Equal(3, seen);
        Assert.InRange(recorder.Made.Count, 3, 3 + 3 + 2);   // what was queued, plus at most one item per worker in the making
        Assert.Equal(recorder.Made.Count - 3, recorder.Made.Count(i => i.Discarded));
    }

    [Fact]
    public void Nothing_to_produce_ends_at_once()
    {
        using var prefetcher = new OrderedPrefetcher<Item>(0, i => new Item(i), _ => { }, 2, 2, default);
        Assert.Empty(prefetcher.Items());
    }

    private static ImageDataset Dataset(int count)
    {
        var random = new Random(5);
        var pixels = new byte[count * 3 * 4 * 4];
        random.NextBytes(pixels);
        return new ImageDataset("t", pixels, [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))], 3, 4, 4, 10,
            [0.5, 0.5, 0.5], [0.2, 0.2, 0.2]);
    }

    [Fact]
    public void DeviceBatches_with_prefetch_serves_the_same_batches_as_without()
    {
        var data = Dataset(50);
        using var inline = new DeviceBatches(data, CPU, RandomCropFlip.Cifar);
        using var prefetched = new DeviceBatches(data, CPU, RandomCropFlip.Cifar, prefetch: 3);
        using var scope = NewDisposeScope();
        var expected = inline.Epoch(8, shuffle: true, seed: 17, epoch: 4).ToList();
        var actual = prefetched.Epoch(8, shuffle: true, seed: 17, epoch: 4).ToList();
        Assert.Equal(expected.Count, actual.Count);
        for (var b = 0; b < expected.Count; b++)
        {
            Assert.Equal(expected[b].Input.data<float>(), actual[b].Input.data<float>());
            Assert.Equal(expected[b].Target.data<long>(), actual[b].Target.data<long>());
        }
    }

    [Fact]
    public void Prefetched_batches_join_the_consumers_dispose_scope_and_nothing_leaks()
    {
        var data = Dataset(64);
        using var batches = new DeviceBatches(data, CPU, prefetch: 2);
        var handles = ImageFolderTests.SettledLiveTensorHandles();
        var held = new List<Tensor>();
        using (var scope = NewDisposeScope())
        {
            foreach (var (input, target) in batches.Epoch(8, shuffle: true, seed: 1, epoch: 1))
                held.AddRange([input, target]);
            Assert.Equal(16, scope.Count);
        }
        Assert.All(held, t => Assert.True(t.IsInvalid));
        Assert.Equal(handles, LiveTensorHandles);

        // Leaving after two batches: the batches made ahead are freed by the worker side.
        using (NewDisposeScope())
            Assert.Equal(2, batches.Epoch(8, shuffle: true, seed: 1, epoch: 2).Take(2).Count());
        Assert.Equal(handles, LiveTensorHandles);
    }

    [Fact]
    public void Cancelling_a_prefetched_epoch_throws_and_frees_what_was_made_ahead()
    {
        var data = Dataset(64);
        using var batches = new DeviceBatches(data, CPU, prefetch: 4);
        var handles = ImageFolderTests.SettledLiveTensorHandles();
        using var cancel = new CancellationTokenSource();
        using (NewDisposeScope())
        {
            var seen = 0;
            Assert.Throws<OperationCanceledException>(() =>
            {
                foreach (var _ in batches.Epoch(4, shuffle: false, seed: 0, epoch: 0, cancellation: cancel.Token))
                    if (++seen == 2) cancel.Cancel();
            });
            Assert.Equal(2, seen);
        }
        Assert.Equal(handles, LiveTensorHandles);
    }
}
