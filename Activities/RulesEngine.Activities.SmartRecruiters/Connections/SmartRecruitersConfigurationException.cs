using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Connections;

/// <summary>A problem found before any call: missing connection, invalid input (tag too long, unknown sub-status…).</summary>
public sealed class SmartRecruitersConfigurationException(string errorCode, string message) : Exception(message), IHasErrorCode
{
    public string? ErrorCode { get; } = errorCode;
}
