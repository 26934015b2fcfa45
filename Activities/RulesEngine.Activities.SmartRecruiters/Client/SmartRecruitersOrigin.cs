namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>
/// The <c>X-RulesEngine-Origin</c> marker put on every write, so that the webhook echo of our own change can be told
/// apart. Activities open a scope around their calls; the value flows with the async call chain.
/// </summary>
public static class SmartRecruitersOrigin
{
    public const string HeaderName = "X-RulesEngine-Origin";

    /// <summary>Every marker we write starts with this.</summary>
    public const string Prefix = "rulesengine";

    private static readonly AsyncLocal<string?> CurrentValue = new();

    /// <summary>The marker for the current call chain (<c>rulesengine</c> outside a workflow run).</summary>
    public static string Current => CurrentValue.Value ?? Prefix;

    public static string Format(string? tenantId, string? instanceId) => $"{Prefix};tenant={tenantId};instance={instanceId}";

    /// <summary>Marks the writes of the current async flow as made by a workflow instance.</summary>
    public static IDisposable Begin(string? tenantId, string? instanceId)
    {
        var previous = CurrentValue.Value;
        CurrentValue.Value = Format(tenantId, instanceId);
        return new Scope(previous);
    }

    /// <summary>True when a delivery's echoed marker says one of our writes caused it.</summary>
    public static bool IsOwn(string? headerValue) =>
        headerValue is not null && (headerValue == Prefix || headerValue.StartsWith(Prefix + ";", StringComparison.Ordinal));

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentValue.Value = previous;
    }
}
