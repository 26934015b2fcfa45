namespace SmartRecruiters.Sandbox.Admin;

/// <summary>Body of <c>POST _sandbox/faults</c>.</summary>
internal sealed record FaultSettings
{
    /// <summary>Added to every API request, inside its rate-limit slot (so it also makes requests overlap).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share (0..1) of API requests answered with <see cref="ErrorStatus"/>.</summary>
    public double ErrorRatio { get; init; }

    /// <summary>Status code of injected errors (default 503).</summary>
    public int ErrorStatus { get; init; } = 503;

    /// <summary>The next N API requests get 429.</summary>
    public int TooManyRequestsBurst { get; init; }
}
