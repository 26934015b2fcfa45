namespace RulesEngine.Host.Features.Workflows;

/// <summary>One problem of an imported workflow, by activity.</summary>
public sealed record ImportReportItem(string? ActivityId, string? ActivityName, string? ActivityType, string Problem);
