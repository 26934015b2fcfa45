using System.Globalization;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox.Candidates;

/// <summary>An application (candidate on a job): read, move stage, status history.</summary>
internal static class ApplicationEndpoints
{
    private static readonly string[] StagesWithSubStatuses = ["IN_REVIEW", "INTERVIEW", "OFFERED"];

    public static void MapApplicationEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/candidates/{id}/jobs/{jobId}", Get).WithName("SandboxGetApplication");
        api.MapPut("/candidates/{id}/jobs/{jobId}/status", UpdateStatusAsync).WithName("SandboxUpdateApplicationStatus");
        api.MapGet("/candidates/{id}/jobs/{jobId}/status/history", History).WithName("SandboxApplicationStatusHistory");
    }

    /// <summary>Finds the application or the right 404 (candidate, job, or not assigned).</summary>
    public static (ApplicationRecord? Application, IResult? Error) Find(SandboxState s, string id, string jobId)
    {
        if (s.Candidates.All(c => c.Id != id))
        {
            return (null, ApiErrors.CandidateNotFound(id));
        }

        if (s.Jobs.All(j => j.Id != jobId))
        {
            return (null, ApiErrors.JobNotFound(jobId));
        }

        var app = s.Applications.FirstOrDefault(a => a.CandidateId == id && a.JobId == jobId);
        return app is null
            ? (null, ApiErrors.NotFound("APPLICATION_NOT_FOUND", "Candidate is not assigned to given job."))
            : (app, null);
    }

    private static IResult Get(string id, string jobId, HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        var apiBase = paths.ApiBase(context);
        var (json, error) = store.Read(s =>
        {
            var (app, err) = Find(s, id, jobId);
            return (app is null ? null : CandidateJson.Application(app, apiBase), err);
        });
        return error ?? Results.Json(json, SandboxJson.Api);
    }

    private static IResult History(string id, string jobId, SandboxStore store)
    {
        var (json, error) = store.Read(s =>
        {
            var (app, err) = Find(s, id, jobId);
            return (app is null ? null : (object)new
            {
                totalFound = app.History.Count,
                content = app.History.Select(h => new { changedOn = Formats.Iso(h.ChangedOn), status = h.Status, subStatus = h.SubStatus, actions = new { } }).ToList(),
            }, err);
        });
        return error ?? Results.Json(json, SandboxJson.Api);
    }

    private static async Task<IResult> UpdateStatusAsync(string id, string jobId, HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return bodyError!;
        }

        var status = RequestReader.Str(body, "status");
        var subStatus = RequestReader.Str(body, "subStatus");
        var reason = RequestReader.Str(body, "reason");
        DateTimeOffset? startsOn = null;
        if (RequestReader.Str(body, "startsOn") is { } rawStart)
        {
            if (!DateTimeOffset.TryParse(rawStart, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return ApiErrors.BadRequest("VALIDATION_ERROR", "startsOn must be an ISO-8601 date-time.");
            }

            startsOn = parsed;
        }

        if (status is null || !CandidateEndpoints.Statuses.Contains(status))
        {
            return ApiErrors.BadRequest("INVALID_STATUS", "status must be one of " + string.Join(", ", CandidateEndpoints.Statuses) + ".");
        }

        var (app, error) = store.Write<(ApplicationRecord?, IResult?)>(s =>
        {
            var (app, err) = Find(s, id, jobId);
            if (app is null)
            {
                return (null, err);
            }

            var job = s.Jobs.First(j => j.Id == jobId);
            var process = s.HiringProcesses.FirstOrDefault(p => p.Id == job.HiringProcessId) ?? s.HiringProcesses.FirstOrDefault();
            var allowed = process?.SubStatuses.GetValueOrDefault(status) ?? [];
            if (StagesWithSubStatuses.Contains(status) && allowed.Count > 0)
            {
                if (string.IsNullOrEmpty(subStatus))
                {
                    return (null, ApiErrors.BadRequest("REQUIRED_SUB_STATUS_OMITTED", $"Status {status} requires a subStatus of the job's hiring process: {string.Join(", ", allowed)}."));
                }

                if (!allowed.Contains(subStatus, StringComparer.Ordinal))
                {
                    return (null, ApiErrors.BadRequest("INVALID_SUB_STATUS", $"Sub-status '{subStatus}' is not defined for {status} in hiring process {process!.Id}."));
                }
            }
            else if (!string.IsNullOrEmpty(subStatus))
            {
                return (null, ApiErrors.BadRequest("INVALID_SUB_STATUS", $"Status {status} has no sub-statuses."));
            }

            ReasonRecord? reasonRecord = null;
            if (!string.IsNullOrEmpty(reason))
            {
                var reasons = status switch { "REJECTED" => s.RejectionReasons, "WITHDRAWN" => s.WithdrawalReasons, _ => null };
                if (reasons is null)
                {
                    return (null, ApiErrors.BadRequest("NO_REASON_SUPPORT_FOR_STATUS", $"Status {status} does not take a reason."));
                }

                reasonRecord = reasons.FirstOrDefault(r => r.Id == reason);
                if (reasonRecord is null)
                {
                    return (null, ApiErrors.BadRequest("REASON_NOT_FOUND", $"Reason '{reason}' not found."));
                }
            }

            var now = time.GetUtcNow();
            app.Status = status;
            app.SubStatus = string.IsNullOrEmpty(subStatus) ? null : subStatus;
            app.StartsOn = startsOn ?? now;
            app.ReasonOfRejection = status == "REJECTED" ? reasonRecord : null;
            app.ReasonOfWithdrawal = status == "WITHDRAWN" ? reasonRecord : null;
            app.History.Add(new StatusChangeRecord { ChangedOn = now, Status = status, SubStatus = app.SubStatus });
            job.LastActivityOn = now;
            s.Candidates.First(c => c.Id == id).UpdatedOn = now;
            return (app, (IResult?)null);
        });
        if (app is null)
        {
            return error!;
        }

        webhooks.PublishApplication(context, "application.status.updated", app.JobId, app.CandidateId, app.Id);
        return Results.NoContent();
    }
}
