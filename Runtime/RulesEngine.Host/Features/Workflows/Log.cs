namespace RulesEngine.Host.Features.Workflows;

internal static partial class Log
{
    [LoggerMessage(EventId = 3100, EventName = "WorkflowPublished", Level = LogLevel.Information, Message = "Published workflow {TenantId}/{DefinitionId} v{Version}")]
    public static partial void WorkflowPublished(ILogger logger, string tenantId, string definitionId, int version);

    [LoggerMessage(EventId = 3101, EventName = "WorkflowsImported", Level = LogLevel.Information, Message = "Imported {Count} workflow(s) into {TenantId}")]
    public static partial void WorkflowsImported(ILogger logger, string tenantId, int count);

    [LoggerMessage(EventId = 3102, EventName = "ImportUndoFailed", Level = LogLevel.Warning, Message = "Could not undo the partial import of {DefinitionId} into {TenantId}")]
    public static partial void ImportUndoFailed(ILogger logger, Exception exception, string tenantId, string definitionId);
}
