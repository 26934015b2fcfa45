namespace RulesEngine.Host.Features.Workflows;

/// <summary>The queued instance of a "run now".</summary>
public sealed record RunAccepted(string InstanceId);
