namespace RulesEngine.Activities.Http;

/// <summary>Finds a tenant's vendor endpoint connection (base URL and auth header); the runtime reads it from its database.</summary>
public interface IHttpConnectionResolver
{
    ValueTask<HttpConnection?> ResolveAsync(string tenantId, string connectionName, CancellationToken cancellationToken);
}
