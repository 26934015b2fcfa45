using Microsoft.Extensions.Logging;

namespace RulesEngine.Persistence;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "MigratingDatabase", Level = LogLevel.Information, Message = "Applying {Count} pending migration(s) to the {Provider} database")]
    public static partial void MigratingDatabase(ILogger logger, int count, DatabaseProvider provider);

    [LoggerMessage(EventId = 2, EventName = "DatabaseUpToDate", Level = LogLevel.Debug, Message = "The {Provider} database schema is up to date")]
    public static partial void DatabaseUpToDate(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(EventId = 3, EventName = "WorkflowPublished", Level = LogLevel.Information, Message = "Published workflow {DefinitionId} version {Version} of tenant {TenantId}")]
    public static partial void WorkflowPublished(ILogger logger, string tenantId, string definitionId, int version);

    [LoggerMessage(EventId = 4, EventName = "JournalPruned", Level = LogLevel.Information, Message = "Journal retention removed {Count} entries")]
    public static partial void JournalPruned(ILogger logger, int count);

    [LoggerMessage(EventId = 5, EventName = "TokenIssued", Level = LogLevel.Information, Message = "Issued API token {TokenId} ({Prefix}…) for tenant {TenantId}")]
    public static partial void TokenIssued(ILogger logger, string tokenId, string prefix, string? tenantId);
}
