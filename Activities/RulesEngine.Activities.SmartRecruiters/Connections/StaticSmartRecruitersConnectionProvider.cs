using System.Collections.Concurrent;

namespace RulesEngine.Activities.SmartRecruiters.Connections;

/// <summary>
/// In-memory connections for the CLI, tests and benchmarks. A connection added for tenant <see cref="AnyTenant"/> serves
/// every tenant that has no connection of that name of its own.
/// </summary>
public sealed class StaticSmartRecruitersConnectionProvider : ISmartRecruitersConnectionProvider
{
    public const string AnyTenant = "*";

    private readonly ConcurrentDictionary<(string Tenant, string Name), SmartRecruitersConnection> _connections = new();

    public StaticSmartRecruitersConnectionProvider Add(string tenantId, string connectionName, SmartRecruitersConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connections[(tenantId, connectionName.ToLowerInvariant())] = connection;
        return this;
    }

    /// <summary>Adds a connection every tenant can use.</summary>
    public StaticSmartRecruitersConnectionProvider Add(string connectionName, SmartRecruitersConnection connection) => Add(AnyTenant, connectionName, connection);

    public ValueTask<SmartRecruitersConnection> GetAsync(string tenantId, string connectionName, CancellationToken cancellationToken)
    {
        var name = connectionName.ToLowerInvariant();
        if (_connections.TryGetValue((tenantId, name), out var connection) || _connections.TryGetValue((AnyTenant, name), out connection))
        {
            return ValueTask.FromResult(connection);
        }

        throw new SmartRecruitersConfigurationException("CONNECTION_NOT_FOUND",
            $"No SmartRecruiters connection named '{connectionName}' is configured for tenant '{tenantId}'.");
    }
}
