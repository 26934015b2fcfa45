namespace RulesEngine.Host.Features.Instances;

/// <summary>A page of instances; <see cref="NextCursor"/> fetches the next (older) page.</summary>
public sealed record InstanceList(IReadOnlyList<InstanceSummary> Items, int? Total, string? NextCursor);
