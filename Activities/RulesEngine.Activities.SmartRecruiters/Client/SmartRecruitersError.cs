namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>One entry of SmartRecruiters' <c>errors[]</c>.</summary>
public sealed record SmartRecruitersError(string? Code, string? Message);
