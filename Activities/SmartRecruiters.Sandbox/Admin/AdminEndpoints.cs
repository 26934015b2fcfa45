using System.Text.Json;
using System.Text.Json.Nodes;
using SmartRecruiters.Sandbox.Auth;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.Jobs;
using SmartRecruiters.Sandbox.RateLimiting;
using SmartRecruiters.Sandbox.State;
using SmartRecruiters.Sandbox.Vendor;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox.Admin;

/// <summary>Test and demo controls under <c>_sandbox</c>. Not part of the SmartRecruiters API; no auth, no limits, no faults.</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder root)
    {
        var admin = root.MapGroup("/_sandbox");
        admin.MapPost("/reset", Reset).WithName("SandboxAdminReset");
        admin.MapPost("/seed", SeedAsync).WithName("SandboxAdminSeed");
        admin.MapGet("/state", (SandboxStore store) => Results.Content(store.DumpForExport(), "application/json")).WithName("SandboxAdminState");
        admin.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Current, SandboxJson.Api)).WithName("SandboxAdminGetFaults");
        admin.MapPost("/faults", SetFaultsAsync).WithName("SandboxAdminSetFaults");
        admin.MapDelete("/faults", (FaultInjector faults) => { faults.Clear(); return Results.NoContent(); }).WithName("SandboxAdminClearFaults");
        admin.MapPost("/jobs", UpsertJobAsync).WithName("SandboxAdminUpsertJob");
        admin.MapDelete("/jobs/{jobId}", DeleteJob).WithName("SandboxAdminDeleteJob");
        admin.MapGet("/vendor", (VendorRecorder recorder) => Results.Json(recorder.Counts(), SandboxJson.Api)).WithName("SandboxAdminVendors");
        admin.MapGet("/vendor/{vendor}", (string vendor, VendorRecorder recorder) => Results.Json(recorder.List(vendor), SandboxJson.Api)).WithName("SandboxAdminVendorRequests");
        admin.MapPost("/vendor/{vendor}/response", SetVendorResponseAsync).WithName("SandboxAdminVendorResponse");
    }

    private static IResult Reset(SandboxStore store, VendorRecorder recorder, FaultInjector faults, SandboxRateLimiter limiter, SandboxAuthenticator authenticator)
    {
        store.Reset();
        recorder.Clear();
        faults.Clear();
        limiter.Reset();
        authenticator.Clear();
        return Results.Json(new { ok = true });
    }

    private static async Task<IResult> SeedAsync(HttpContext context, SandboxStore store, CancellationToken cancellationToken)
    {
        try
        {
            var state = await JsonSerializer.DeserializeAsync<SandboxState>(context.Request.Body, SandboxJson.State, cancellationToken);
            if (state is null)
            {
                return ApiErrors.BadRequest("INVALID_SEED", "The seed is empty.");
            }

            store.Replace(state);
            return Results.Json(new { ok = true, jobs = state.Jobs.Count, candidates = state.Candidates.Count });
        }
        catch (JsonException ex)
        {
            return ApiErrors.BadRequest("INVALID_SEED", ex.Message);
        }
    }

    private static async Task<IResult> SetFaultsAsync(HttpContext context, FaultInjector faults, CancellationToken cancellationToken)
    {
        try
        {
            var settings = await JsonSerializer.DeserializeAsync<FaultSettings>(context.Request.Body, SandboxJson.Api, cancellationToken) ?? new FaultSettings();
            if (settings.ErrorRatio is < 0 or > 1 || settings.LatencyMs < 0 || settings.TooManyRequestsBurst < 0 || settings.ErrorStatus is < 500 or > 599)
            {
                return ApiErrors.BadRequest("INVALID_FAULTS", "errorRatio must be 0..1, errorStatus 5xx, latencyMs and tooManyRequestsBurst ≥ 0.");
            }

            faults.Set(settings);
            return Results.Json(faults.Current, SandboxJson.Api);
        }
        catch (JsonException ex)
        {
            return ApiErrors.BadRequest("INVALID_FAULTS", ex.Message);
        }
    }

    private static async Task<IResult> SetVendorResponseAsync(string vendor, HttpContext context, VendorRecorder recorder, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var status = body["status"] is JsonValue v && v.TryGetValue<int>(out var s) ? s : 200;
        recorder.SetResponse(vendor, status, body["body"]?.ToJsonString());
        return Results.Json(new { ok = true });
    }

    /// <summary>Creates (no or unknown id) or updates a job, raising job.created / job.updated / job.status.updated.</summary>
    private static async Task<IResult> UpsertJobAsync(HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time, SandboxPaths paths, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var status = RequestReader.Str(body, "status");
        var postingStatus = RequestReader.Str(body, "postingStatus");
        if (status is not null && !JobEndpoints.ValidStatuses.Contains(status))
        {
            return ApiErrors.BadRequest("INVALID_STATUS", $"Unknown job status '{status}'.");
        }

        if (postingStatus is not null && !JobEndpoints.PostingStatuses.Contains(postingStatus))
        {
            return ApiErrors.BadRequest("INVALID_STATUS", $"Unknown posting status '{postingStatus}'.");
        }

        DepartmentRecord? department;
        JobLocationRecord? location;
        try
        {
            department = body["department"]?.Deserialize<DepartmentRecord>(SandboxJson.Api);
            location = body["location"]?.Deserialize<JobLocationRecord>(SandboxJson.Api);
        }
        catch (JsonException ex)
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", ex.Message);
        }

        var id = RequestReader.Str(body, "id");
        var apiBase = paths.ApiBase(context);
        var now = time.GetUtcNow();
        var (created, statusChanged, jobId, json) = store.Write(s =>
        {
            var job = id is null ? null : s.Jobs.FirstOrDefault(j => j.Id == id);
            var isNew = job is null;
            job ??= new JobRecord
            {
                Id = id ?? Guid.NewGuid().ToString(),
                Title = "Untitled job",
                CreatedOn = now,
                HiringProcessId = s.HiringProcesses.FirstOrDefault()?.Id ?? "",
                Department = s.Jobs.FirstOrDefault()?.Department,
            };
            var oldStatus = job.Status;
            job.Title = RequestReader.Str(body, "title") ?? job.Title;
            job.RefNumber = RequestReader.Str(body, "refNumber") ?? job.RefNumber;
            job.Status = status ?? job.Status;
            job.PostingStatus = postingStatus ?? job.PostingStatus;
            job.HiringProcessId = RequestReader.Str(body, "hiringProcessId") ?? job.HiringProcessId;
            job.Department = department ?? job.Department;
            job.Location = location ?? job.Location;
            job.UpdatedOn = job.LastActivityOn = now;
            if (job.PostingId is null && job.PostingStatus is "PUBLIC" or "INTERNAL" or "PRIVATE")
            {
                job.PostingId = (743999800000000L + s.Jobs.Count).ToString(System.Globalization.CultureInfo.InvariantCulture);
                job.PostingUuid = Guid.NewGuid().ToString();
                job.ReleasedDate = now;
            }

            if (isNew)
            {
                s.Jobs.Add(job);
            }

            return (isNew, !isNew && oldStatus != job.Status, job.Id, JobJson.Details(job, apiBase));
        });
        webhooks.PublishJob(context, created ? "job.created" : "job.updated", jobId);
        if (statusChanged)
        {
            webhooks.PublishJob(context, "job.status.updated", jobId);
        }

        return Results.Json(json, SandboxJson.Api, statusCode: created ? 201 : 200);
    }

    private static IResult DeleteJob(string jobId, SandboxStore store)
    {
        var removed = store.Write(s =>
        {
            if (s.Jobs.RemoveAll(j => j.Id == jobId) == 0)
            {
                return false;
            }

            s.Applications.RemoveAll(a => a.JobId == jobId);
            s.Attachments.RemoveAll(a => a.JobId == jobId);
            return true;
        });
        return removed ? Results.NoContent() : ApiErrors.JobNotFound(jobId);
    }
}
