namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Counters of one client (one credential): every attempt that went on the wire and how it was answered.</summary>
public sealed class SmartRecruitersClientStatistics
{
    private long _attempts;
    private long _throttled;
    private long _serverErrors;
    private long _inFlight;
    private long _maxInFlight;

    /// <summary>Requests sent, retries included.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>429 answers seen.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>5xx answers seen.</summary>
    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    /// <summary>Most requests ever in flight at once.</summary>
    public long MaxInFlight => Interlocked.Read(ref _maxInFlight);

    internal void Started()
    {
        Interlocked.Increment(ref _attempts);
        var now = Interlocked.Increment(ref _inFlight);
        long seen;
        while (now > (seen = Interlocked.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
    }

    internal void Finished(int? status)
    {
        Interlocked.Decrement(ref _inFlight);
        if (status == 429)
        {
            Interlocked.Increment(ref _throttled);
        }
        else if (status >= 500)
        {
            Interlocked.Increment(ref _serverErrors);
        }
    }
}
