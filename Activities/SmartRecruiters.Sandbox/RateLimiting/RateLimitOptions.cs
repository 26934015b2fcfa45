using System.ComponentModel.DataAnnotations;

namespace SmartRecruiters.Sandbox.RateLimiting;

/// <summary>The documented SmartRecruiters limits, per credential (API key or OAuth client).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Turn every limit off (benchmarks). Headers are still sent.</summary>
    /// <value>Default true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second per endpoint (method + route template).</summary>
    /// <value>Default 10.</value>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>Requests in flight per credential.</summary>
    /// <value>Default 8.</value>
    [Range(1, 10_000)]
    public int MaxConcurrent { get; set; } = 8;

    /// <summary>Requests in flight per credential for <c>GET /candidates</c>.</summary>
    /// <value>Default 1.</value>
    [Range(1, 10_000)]
    public int MaxConcurrentCandidateSearch { get; set; } = 1;
}
