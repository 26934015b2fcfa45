namespace RulesEngine.Host.Infrastructure.Telemetry;

/// <summary>Where metrics go. Bound from <c>RulesEngine:Telemetry</c>.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "RulesEngine:Telemetry";

    /// <summary>OTLP collector endpoint (for example <c>http://otel-collector:4317</c>); unset: no OTLP export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>The OpenTelemetry service name. <value>Default <c>rulesengine</c>.</value></summary>
    public string ServiceName { get; set; } = "rulesengine";
}
