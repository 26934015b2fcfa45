namespace RulesEngine.Activities.State;

/// <summary>The default when the host has no mapping store: writing fails with a clear message instead of vanishing.</summary>
internal sealed class NoMappingWriter : IMappingWriter
{
    public ValueTask<int> WriteAsync(string tenantId, string table, IReadOnlyDictionary<string, string?> rows, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"this host keeps no mapping tables, so RulesEngine.SetMapping cannot write '{table}'; run the workflow in rulesengine serve");
}
