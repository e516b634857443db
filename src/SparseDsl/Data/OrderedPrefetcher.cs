using System.Runtime.ExceptionServices;

namespace SparseDsl.Data;

/// <summary>
/// Produces items 0 … count−1 on background worker threads and hands them to one consumer in index order, with at
/// most <c>capacity</c> items produced or in production ahead of the consumer (a bounded queue of ready batches).
/// Items are made by <c>produce(index)</c>, which must not depend on the thread or on the order of calls; so the
/// sequence is the same for any number of workers. An item not handed over (cancellation, early exit, error)
/// is given to <c>discard</c>. The first failing index is rethrown to the consumer when it reaches that index.
/// </summary>
internal sealed class OrderedPrefetcher<T> : IDisposable where T : class
{
    private readonly int count;
    private readonly Func<int, T?> produce;
    private readonly Action<T> discard;
    private readonly SemaphoreSlim slots;
    private readonly CancellationToken cancellation;
    private readonly CancellationTokenSource stop;
    private readonly Thread[] workers;
    private readonly object gate = new();
    private readonly Dictionary<int, T?> ready = [];
    private int claimed = -1;
    private int failedIndex = int.MaxValue;
    private Exception? failure;
    private bool disposed;

    public OrderedPrefetcher(int count, Func<int, T?> produce, Action<T> discard, int workers, int capacity, CancellationToken cancellation)
    {
        if (workers < 1) throw new ArgumentOutOfRangeException(nameof(workers), workers, "at least one worker");
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be at least 1");
        this.count = count;
        this.produce = produce;
        this.discard = discard;
        this.cancellation = cancellation;
        slots = new SemaphoreSlim(capacity);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stop.Token.Register(() => { lock (gate) Monitor.PulseAll(gate); });
        this.workers = new Thread[Math.Min(workers, Math.Max(count, 1))];
        for (var i = 0; i < this.workers.Length; i++)
        {
            this.workers[i] = new Thread(Work) { IsBackground = true, Name = $"sparsedsl-prefetch-{i}" };
            this.workers[i].Start();
        }
    }

    /// <summary>
    /// The items in index order; a null produced item (nothing to hand over, e.g. every image skipped) is passed over.
    /// Each item returned belongs to the caller. Throws the producer's exception at its index, or
    /// <see cref="OperationCanceledException"/> once the token given at construction is cancelled.
    /// </summary>
    public IEnumerable<T> Items()
    {
        for (var index = 0; index < count; index++)
        {
            var item = Take(index);
            if (item is not null) yield return item;
        }
    }

    private T? Take(int index)
    {
        lock (gate)
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                if (ready.Remove(index, out var item))
                {
                    slots.Release();
                    return item;
                }
                if (failure is not null && index >= failedIndex) ExceptionDispatchInfo.Throw(failure);
                ObjectDisposedException.ThrowIf(disposed, this);
                Monitor.Wait(gate);
            }
        }
    }

    private void Work()
    {
        try
        {
            while (true)
            {
                slots.Wait(stop.Token);
                var index = Interlocked.Increment(ref claimed);
                if (index >= count || Volatile.Read(ref failedIndex) < index)
                {
                    slots.Release();  // lets the other workers see the end too
                    return;
                }
                T? item;
                try
                {
                    item = produce(index);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        if (index < failedIndex)
                        {
                            failedIndex = index;
                            failure = e;
                        }
                        Monitor.PulseAll(gate);
                    }
                    return;
                }
                lock (gate)
                {
                    if (disposed)
                    {
                        if (item is not null) discard(item);
                        return;
                    }
                    ready[index] = item;
                    Monitor.PulseAll(gate);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the workers (each finishes the item it is making), waits for them, and discards every item not handed over.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
        }
        stop.Cancel();
        foreach (var worker in workers) worker.Join();
        lock (gate)
        {
            foreach (var item in ready.Values)
                if (item is not null) discard(item);
            ready.Clear();
        }
        stop.Dispose();
        slots.Dispose();
    }
}
