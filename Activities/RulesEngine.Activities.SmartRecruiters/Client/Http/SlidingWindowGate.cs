namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>
/// At most N requests in any window, in FIFO order. SmartRecruiters counts requests by their arrival in a sliding
/// second, and arrival is somewhere between our send and the answer (a cold server or a busy network can hold the
/// first requests back), so request k+N may start only one window after request k was <em>answered</em>: the one
/// moment we know it had arrived. A token bucket would let a full bucket go at once and then refill, which puts N+1
/// requests into one of the server's seconds.
/// </summary>
internal sealed class SlidingWindowGate(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<Entry> _entries = new();

    /// <summary>Waits for a slot; the caller must <see cref="Entry.Finish"/> the entry when the answer came (or the call failed).</summary>
    public async ValueTask<Entry> EnterAsync(CancellationToken cancellationToken)
    {
        var entry = new Entry(time);
        Entry? previous = null;
        lock (_gate)
        {
            if (_entries.Count >= limit)
            {
                previous = _entries.Dequeue();
            }

            _entries.Enqueue(entry);
        }

        if (previous is null)
        {
            return entry;
        }

        try
        {
            var answeredAt = await previous.Answered.WaitAsync(cancellationToken).ConfigureAwait(false);
            var wait = answeredAt + window - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            return entry;
        }
        catch
        {
            entry.Finish();
            throw;
        }
    }

    internal sealed class Entry(TimeProvider time)
    {
        private readonly TaskCompletionSource<DateTimeOffset> _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<DateTimeOffset> Answered => _answered.Task;

        public void Finish() => _answered.TrySetResult(time.GetUtcNow());
    }
}
