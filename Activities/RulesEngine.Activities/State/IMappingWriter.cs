namespace RulesEngine.Activities.State;

/// <summary>
/// Writes a tenant's mapping tables for <c>RulesEngine.SetMapping</c>. The runtime stores them in its database; hosts
/// without mapping tables (the CLI) refuse.
/// </summary>
public interface IMappingWriter
{
    /// <summary>
    /// Sets the given rows of <paramref name="table"/> in one all-or-nothing step, creating the table when missing; a null
    /// or empty value deletes the row. Returns how many rows were added, changed or deleted.
    /// </summary>
    ValueTask<int> WriteAsync(string tenantId, string table, IReadOnlyDictionary<string, string?> rows, CancellationToken cancellationToken);
}
