using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>
/// Base of the SmartRecruiters activities: resolves the tenant's named connection, takes the shared client of that
/// credential and marks every write of the run with the origin header.
/// </summary>
public abstract class SmartRecruitersActivity(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : Activity
{
    public const string Category = "SmartRecruiters";
    public const string DefaultConnection = "smartrecruiters";

    [Input(Description = "Name of the tenant's SmartRecruiters connection (API key or OAuth client) to call with.", DefaultValue = DefaultConnection, Order = 100)]
    public Input<string> Connection { get; set; } = new(DefaultConnection);

    public sealed override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = await GetClientAsync(context, cancellationToken).ConfigureAwait(false);
        using (SmartRecruitersOrigin.Begin(context.TenantId, context.InstanceId))
        {
            await ExecuteAsync(context, client, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Does the activity's work with the credential's client.</summary>
    protected abstract ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken);

    protected async ValueTask<ISmartRecruitersClient> GetClientAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Get(Connection) is { Length: > 0 } n ? n : DefaultConnection;
        var connection = await connections.GetAsync(context.TenantId, name, cancellationToken).ConfigureAwait(false);
        return clients.GetClient(connection);
    }
}
