using System.Text.Json;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Persistence.Connections;

namespace RulesEngine.Host.Features.SmartRecruiters;

/// <summary>A tenant's SmartRecruiters connections (<c>kind: smartrecruiters</c>) with their decrypted credentials.</summary>
internal sealed class TenantSmartRecruitersConnections(IConnectionSecretsReader secrets, RulesEngine.Host.Infrastructure.Telemetry.RulesEngineMetrics metrics) : ISmartRecruitersConnectionProvider
{
    public async ValueTask<SmartRecruitersConnection> GetAsync(string tenantId, string connectionName, CancellationToken cancellationToken)
    {
        var connection = await FindAsync(tenantId, connectionName, cancellationToken).ConfigureAwait(false);
        return connection ?? throw new SmartRecruitersConfigurationException("CONNECTION_NOT_FOUND", $"the tenant has no SmartRecruiters connection named '{connectionName}'");
    }

    public async ValueTask<SmartRecruitersConnection?> FindAsync(string tenantId, string connectionName, CancellationToken cancellationToken)
    {
        var stored = await secrets.GetAsync(tenantId, connectionName, cancellationToken).ConfigureAwait(false);
        if (stored is null || !string.Equals(stored.Kind, "smartrecruiters", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var connection = new SmartRecruitersConnection
        {
            BaseUrl = stored.Settings.GetValueOrDefault("baseUrl") is { Length: > 0 } baseUrl ? baseUrl : SmartRecruitersConnection.DefaultBaseUrl,
            CompanyIdentifier = stored.Settings.GetValueOrDefault("companyIdentifier"),
            ClientId = stored.Settings.GetValueOrDefault("clientId"),
            ApiKey = stored.Secrets.GetValueOrDefault("apiKey"),
            ClientSecret = stored.Secrets.GetValueOrDefault("clientSecret"),
            WebhookSecretKeys = ReadKeys(stored.Secrets.GetValueOrDefault("webhookSecretKeys")),
        };
        metrics.NoteConnection(connection, tenantId);
        return connection;
    }

    /// <summary>Webhook secret keys are stored as a JSON array (or one plain key).</summary>
    private static IReadOnlyList<string> ReadKeys(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }

        if (stored.TrimStart().StartsWith('['))
        {
            return JsonSerializer.Deserialize<List<string>>(stored)?.Where(k => !string.IsNullOrEmpty(k)).ToList() ?? [];
        }

        return [stored];
    }
}
