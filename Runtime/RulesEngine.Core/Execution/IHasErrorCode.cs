namespace RulesEngine.Core.Execution;

/// <summary>An exception that carries a stable error code (e.g. SmartRecruiters' errors[].code) into the instance's fault.</summary>
public interface IHasErrorCode
{
    string? ErrorCode { get; }
}
