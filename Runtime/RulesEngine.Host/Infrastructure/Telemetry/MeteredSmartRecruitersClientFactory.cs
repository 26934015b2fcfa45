using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;

namespace RulesEngine.Host.Infrastructure.Telemetry;

/// <summary>Hands out the connector's clients and registers each with <see cref="RulesEngineMetrics"/>.</summary>
internal sealed class MeteredSmartRecruitersClientFactory(ISmartRecruitersClientFactory inner, RulesEngineMetrics metrics) : ISmartRecruitersClientFactory
{
    public ISmartRecruitersClient GetClient(SmartRecruitersConnection connection)
    {
        var client = inner.GetClient(connection);
        metrics.Track(connection, client);
        return client;
    }
}
