namespace RulesEngine.Host.Features.Schedules;

/// <summary>The fire to run now (null: none), the next fire time, and how many occurrences passed since the last fire.</summary>
internal sealed record CronPlan(DateTimeOffset? Due, DateTimeOffset? Next, int Occurrences);
