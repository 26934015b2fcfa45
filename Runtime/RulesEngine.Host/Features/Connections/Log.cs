namespace RulesEngine.Host.Features.Connections;

internal static partial class Log
{
    [LoggerMessage(EventId = 3200, EventName = "ConnectionTested", Level = LogLevel.Information, Message = "Tested connection {TenantId}/{ConnectionName}: ok={Ok}")]
    public static partial void ConnectionTested(ILogger logger, string tenantId, string connectionName, bool ok);

    [LoggerMessage(EventId = 3201, EventName = "ConnectionOptionsFailed", Level = LogLevel.Warning, Message = "Could not read the options of connection {TenantId}/{ConnectionName}: {Reason}")]
    public static partial void OptionsFailed(ILogger logger, string tenantId, string connectionName, string reason);
}
