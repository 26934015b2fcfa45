namespace RulesEngine.Host.Features.Connections;

/// <summary>
/// What the Designer's SmartRecruiters pickers offer: the candidate statuses, the sub-statuses of the company's active
/// hiring processes per status, and its jobs.
/// </summary>
public sealed record SmartRecruitersOptions(
    IReadOnlyList<string> Statuses,
    IReadOnlyDictionary<string, IReadOnlyList<string>> SubStatuses,
    IReadOnlyList<JobOption> Jobs);
