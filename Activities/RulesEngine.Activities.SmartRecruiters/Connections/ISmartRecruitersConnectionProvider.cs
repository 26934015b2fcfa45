namespace RulesEngine.Activities.SmartRecruiters.Connections;

/// <summary>Resolves a tenant's named SmartRecruiters connection (the runtime host reads it from its database).</summary>
public interface ISmartRecruitersConnectionProvider
{
    /// <summary>The connection, or a <see cref="SmartRecruitersConfigurationException"/> when the tenant has none of that name.</summary>
    ValueTask<SmartRecruitersConnection> GetAsync(string tenantId, string connectionName, CancellationToken cancellationToken);
}
