using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>
/// Moves an application to a status (and sub-status), checked against the hiring process first so that a wrong
/// sub-status fails with the list of valid ones. No call when the application is already there.
/// </summary>
[Activity("SmartRecruiters.MoveStage", HasSideEffects = true, Category = SmartRecruitersActivity.Category, DisplayName = "Move stage", Outcomes = ["Moved", "Unchanged"],
    Description = "Moves a candidate's application to a status and sub-status of the hiring process (Unchanged when already there).")]
public sealed class MoveStage(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    public static readonly string[] Statuses = ["LEAD", "NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN", "TRANSFERRED"];

    /// <summary>The main statuses whose sub-statuses come from the hiring process.</summary>
    public static readonly string[] StatusesWithSubStatuses = ["IN_REVIEW", "INTERVIEW", "OFFERED"];

    [Input(Description = "The candidate id.", Required = true)]
    public Input<string> CandidateId { get; set; } = new();

    [Input(Description = "The job id of the application.", Required = true)]
    public Input<string> JobId { get; set; } = new();

    [Input(Description = "Target status.", UiHint = UiHints.Dropdown, Options = ["LEAD", "NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN", "TRANSFERRED"], Required = true)]
    public Input<string> Status { get; set; } = new();

    [Input(Description = "Target sub-status; required for IN_REVIEW, INTERVIEW and OFFERED and checked against the hiring process.")]
    public Input<string> SubStatus { get; set; } = new();

    [Input(Description = "Rejection or withdrawal reason id (only for REJECTED and WITHDRAWN).")]
    public Input<string> Reason { get; set; } = new();

    [Input(Description = "Hiring process of the job; empty checks against every active hiring process.")]
    public Input<string> HiringProcessId { get; set; } = new();

    [Output(Description = "The application after the move (or as it was when unchanged).")]
    public Output<JsonObject> Application { get; set; } = new();

    [Output(Description = "The status before the move.")]
    public Output<string> PreviousStatus { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var candidateId = Required.Text(context.Get(CandidateId), "candidateId");
        var jobId = Required.Text(context.Get(JobId), "jobId");
        var status = Required.Text(context.Get(Status), "status").ToUpperInvariant();
        var subStatus = context.Get(SubStatus) is { Length: > 0 } s ? s.Trim() : null;
        var reason = context.Get(Reason) is { Length: > 0 } r ? r.Trim() : null;
        if (!Statuses.Contains(status))
        {
            throw new SmartRecruitersValidationException("INVALID_STATUS", $"Unknown status '{status}'; valid: {string.Join(", ", Statuses)}.");
        }

        if (reason is not null && status is not ("REJECTED" or "WITHDRAWN"))
        {
            throw new SmartRecruitersValidationException("NO_REASON_SUPPORT_FOR_STATUS", $"A reason is only taken for REJECTED or WITHDRAWN, not {status}.");
        }

        var application = await client.Candidates.GetApplicationAsync(candidateId, jobId, cancellationToken).ConfigureAwait(false);
        var currentStatus = application["status"]?.ToString();
        var currentSub = application["subStatus"]?.ToString();
        context.Set(PreviousStatus, currentStatus);
        if (currentStatus == status && string.Equals(currentSub ?? "", subStatus ?? "", StringComparison.Ordinal))
        {
            Log.Unchanged(context.Logger, "MoveStage", candidateId);
            context.Set(Application, application);
            context.Complete("Unchanged");
            return;
        }

        var processes = StatusesWithSubStatuses.Contains(status) || subStatus is not null
            ? await LoadProcessesAsync(client, context.Get(HiringProcessId), cancellationToken).ConfigureAwait(false)
            : [];
        CheckSubStatus(status, subStatus, processes);

        try
        {
            await client.Candidates.UpdateStatusAsync(candidateId, jobId, new CandidateStatusUpdate(status, subStatus, reason), cancellationToken).ConfigureAwait(false);
        }
        catch (SmartRecruitersApiException ex) when (ex.HasCode("INVALID_SUB_STATUS") || ex.HasCode("REQUIRED_SUB_STATUS_OMITTED"))
        {
            // Our check passed against several processes but the job's own process differs: say which are valid where.
            throw new SmartRecruitersValidationException(ex.ErrorCode!, $"{ex.ApiMessage ?? ex.Message} Valid sub-statuses for {status}: {Describe(status, processes)}.");
        }

        context.Set(Application, await client.Candidates.GetApplicationAsync(candidateId, jobId, cancellationToken).ConfigureAwait(false));
        context.Complete("Moved");
    }

    private static async Task<List<JsonObject>> LoadProcessesAsync(ISmartRecruitersClient client, string? hiringProcessId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(hiringProcessId))
        {
            return [await client.Jobs.GetHiringProcessAsync(hiringProcessId.Trim(), cancellationToken).ConfigureAwait(false)];
        }

        var all = await client.Jobs.ListHiringProcessesAsync(cancellationToken).ConfigureAwait(false);
        return [.. (all["content"] as JsonArray ?? []).OfType<JsonObject>().Where(p => p["active"] is not JsonValue a || !a.TryGetValue<bool>(out var active) || active)];
    }

    internal static void CheckSubStatus(string status, string? subStatus, List<JsonObject> processes)
    {
        var valid = processes.SelectMany(p => SubStatuses(p, status)).Distinct(StringComparer.Ordinal).ToList();
        if (!StatusesWithSubStatuses.Contains(status) || valid.Count == 0)
        {
            if (subStatus is not null && StatusesWithSubStatuses.Contains(status) is false)
            {
                throw new SmartRecruitersValidationException("INVALID_SUB_STATUS", $"Status {status} has no sub-statuses; got '{subStatus}'.");
            }

            return;
        }

        if (subStatus is null)
        {
            throw new SmartRecruitersValidationException("REQUIRED_SUB_STATUS_OMITTED", $"Status {status} needs a sub-status; valid: {Describe(status, processes)}.");
        }

        if (!valid.Contains(subStatus, StringComparer.Ordinal))
        {
            throw new SmartRecruitersValidationException("INVALID_SUB_STATUS", $"Sub-status '{subStatus}' is not in the hiring process for {status}; valid: {Describe(status, processes)}.");
        }
    }

    private static IEnumerable<string> SubStatuses(JsonObject process, string status) =>
        process["subStatuses"]?[status] is JsonArray list ? list.Select(x => x?.ToString() ?? "").Where(x => x.Length > 0) : [];

    private static string Describe(string status, List<JsonObject> processes) => processes.Count == 1
        ? string.Join(", ", SubStatuses(processes[0], status))
        : string.Join("; ", processes.Select(p => $"{p["id"]}: {string.Join(", ", SubStatuses(p, status))}"));
}
