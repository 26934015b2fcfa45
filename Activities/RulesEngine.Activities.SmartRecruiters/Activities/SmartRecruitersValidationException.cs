using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>An activity input SmartRecruiters would refuse, caught before any call (tag too long, unknown sub-status…).</summary>
public sealed class SmartRecruitersValidationException(string errorCode, string message) : Exception(message), IHasErrorCode
{
    public string? ErrorCode { get; } = errorCode;
}
