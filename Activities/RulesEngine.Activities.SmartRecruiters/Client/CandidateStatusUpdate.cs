namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Body of <c>PUT /candidates/{id}/jobs/{jobId}/status</c>.</summary>
public sealed record CandidateStatusUpdate(string Status, string? SubStatus = null, string? Reason = null, string? StartsOn = null);
