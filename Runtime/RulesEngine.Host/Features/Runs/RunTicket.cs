namespace RulesEngine.Host.Features.Runs;

/// <summary>An instance to run (or continue) on a worker.</summary>
internal sealed record RunTicket(string TenantId, string InstanceId);
