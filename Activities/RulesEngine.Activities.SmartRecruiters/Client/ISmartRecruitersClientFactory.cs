using RulesEngine.Activities.SmartRecruiters.Connections;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Hands out one client per base URL and credential, so every workflow of the process shares its limiter.</summary>
public interface ISmartRecruitersClientFactory
{
    ISmartRecruitersClient GetClient(SmartRecruitersConnection connection);
}
