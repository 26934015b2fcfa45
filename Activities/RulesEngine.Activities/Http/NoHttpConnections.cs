namespace RulesEngine.Activities.Http;

/// <summary>Used outside a tenant (CLI runs): there are no named connections, so requests need absolute URLs.</summary>
internal sealed class NoHttpConnections : IHttpConnectionResolver
{
    public ValueTask<HttpConnection?> ResolveAsync(string tenantId, string connectionName, CancellationToken cancellationToken) => ValueTask.FromResult<HttpConnection?>(null);
}
