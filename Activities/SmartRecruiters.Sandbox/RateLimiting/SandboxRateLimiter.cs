using Microsoft.Extensions.Options;

namespace SmartRecruiters.Sandbox.RateLimiting;

/// <summary>
/// Per-credential limits: a sliding one-second window per endpoint (any N+1 requests within a second are too many,
/// so a burst is always caught whatever the clock phase) and in-flight counters per credential and for candidate search.
/// </summary>
internal sealed class SandboxRateLimiter(IOptions<SandboxOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    public RateLimitLease Acquire(string credential, string endpointKey, bool singleFlight)
    {
        var o = options.Value.RateLimits;
        var concurrencyLimit = singleFlight ? o.MaxConcurrentCandidateSearch : o.MaxConcurrent;
        if (!o.Enabled)
        {
            return new RateLimitLease(this, null, null, true, o.RequestsPerSecond, o.RequestsPerSecond, concurrencyLimit, concurrencyLimit, 0, null);
        }

        var totalKey = "all|" + credential;
        var singleKey = singleFlight ? "single|" + credential + "|" + endpointKey : null;
        var windowKey = credential + "|" + endpointKey;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_windows.TryGetValue(windowKey, out var stamps))
            {
                _windows[windowKey] = stamps = new Queue<DateTimeOffset>();
            }

            while (stamps.Count > 0 && now - stamps.Peek() >= Window)
            {
                stamps.Dequeue();
            }

            var total = _inFlight.GetValueOrDefault(totalKey);
            var single = singleKey is null ? 0 : _inFlight.GetValueOrDefault(singleKey);
            var inFlightForLimit = singleFlight ? single : total;
            if (total >= o.MaxConcurrent || (singleFlight && single >= o.MaxConcurrentCandidateSearch))
            {
                return new RateLimitLease(this, null, null, false, o.RequestsPerSecond, Math.Max(0, o.RequestsPerSecond - stamps.Count),
                    concurrencyLimit, Math.Max(0, concurrencyLimit - inFlightForLimit), 1, "Too many concurrent requests.");
            }

            if (stamps.Count >= o.RequestsPerSecond)
            {
                var wait = stamps.Peek() + Window - now;
                return new RateLimitLease(this, null, null, false, o.RequestsPerSecond, 0, concurrencyLimit,
                    Math.Max(0, concurrencyLimit - inFlightForLimit), Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), "Too many requests per second.");
            }

            stamps.Enqueue(now);
            _inFlight[totalKey] = total + 1;
            if (singleKey is not null)
            {
                _inFlight[singleKey] = single + 1;
            }

            return new RateLimitLease(this, totalKey, singleKey, true, o.RequestsPerSecond, o.RequestsPerSecond - stamps.Count,
                concurrencyLimit, concurrencyLimit - (singleFlight ? single + 1 : total + 1), 0, null);
        }
    }

    /// <summary>Rejected credentials consume nothing, but the response still carries the limit headers.</summary>
    public void WriteUnauthenticatedHeaders(IHeaderDictionary headers, bool singleFlight)
    {
        var o = options.Value.RateLimits;
        var concurrent = singleFlight ? o.MaxConcurrentCandidateSearch : o.MaxConcurrent;
        using var lease = new RateLimitLease(this, null, null, true, o.RequestsPerSecond, o.RequestsPerSecond, concurrent, concurrent, 0, null);
        lease.WriteHeaders(headers);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
            _inFlight.Clear();
        }
    }

    internal void Release(string? totalKey, string? singleKey)
    {
        lock (_gate)
        {
            Decrement(totalKey);
            Decrement(singleKey);
        }
    }

    private void Decrement(string? key)
    {
        if (key is not null && _inFlight.TryGetValue(key, out var n))
        {
            if (n <= 1)
            {
                _inFlight.Remove(key);
            }
            else
            {
                _inFlight[key] = n - 1;
            }
        }
    }
}
