namespace RulesEngine.Host.Features.Instances;

/// <summary>What a suspended instance waits for.</summary>
public sealed record InstanceBookmark(string Id, string ActivityId, string Name, DateTimeOffset? ResumeAt);
