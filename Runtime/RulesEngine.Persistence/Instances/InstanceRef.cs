namespace RulesEngine.Persistence.Instances;

public sealed record InstanceRef(string TenantId, string InstanceId);
