namespace RulesEngine.Persistence.Connections;

/// <summary>What to write to a connection.</summary>
public sealed class ConnectionUpdate
{
    /// <summary>For example <c>smartrecruiters</c> or <c>http</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Non-secret settings; replace the stored ones.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Secret settings, merged into the stored ones so that a form can change one secret without re-entering all:
    /// a key with a value sets it, a key with null removes it, absent keys stay. Null leaves all secrets as they are.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Secrets { get; init; }

    public override string ToString() => $"{Kind} ({Settings.Count} settings, {Secrets?.Count ?? 0} secret changes)";
}
