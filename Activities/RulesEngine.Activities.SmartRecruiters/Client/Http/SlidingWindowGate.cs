namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>
/// At most N starts in any window, FIFO. SmartRecruiters counts requests in a sliding second, so a token bucket (which
/// lets a full bucket go at once and then refills) could put N+1 requests into one second; instead each caller reserves
/// the slot "N starts ago + window" and waits for it.
/// </summary>
internal sealed class SlidingWindowGate(int limit, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _starts = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset slot;
        DateTimeOffset now;
        lock (_gate)
        {
            now = time.GetUtcNow();
            slot = now > _last ? now : _last;
            if (_starts.Count >= limit)
            {
                var earliest = _starts.Dequeue() + window;
                if (earliest > slot)
                {
                    slot = earliest;
                }
            }

            _starts.Enqueue(slot);
            _last = slot;
        }

        var wait = slot - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
