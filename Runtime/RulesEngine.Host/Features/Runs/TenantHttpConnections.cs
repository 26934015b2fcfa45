using RulesEngine.Activities.Http;
using RulesEngine.Persistence.Connections;

namespace RulesEngine.Host.Features.Runs;

/// <summary>Vendor endpoint connections (<c>kind: http</c>) of a tenant, with their decrypted auth header.</summary>
internal sealed class TenantHttpConnections(IConnectionSecretsReader secrets) : IHttpConnectionResolver
{
    public async ValueTask<HttpConnection?> ResolveAsync(string tenantId, string connectionName, CancellationToken cancellationToken)
    {
        var connection = await secrets.GetAsync(tenantId, connectionName, cancellationToken).ConfigureAwait(false);
        if (connection is null || !string.Equals(connection.Kind, "http", StringComparison.OrdinalIgnoreCase)
            || !connection.Settings.TryGetValue("baseUrl", out var baseUrl) || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return new HttpConnection(uri, connection.Secrets.GetValueOrDefault("authHeaderName"), connection.Secrets.GetValueOrDefault("authHeaderValue"));
    }
}
