using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox.Jobs;

internal static class JobEndpoints
{
    public static readonly string[] ValidStatuses = ["CREATED", "SOURCING", "FILLED", "INTERVIEW", "OFFER", "CANCELLED", "ON_HOLD"];
    public static readonly string[] PostingStatuses = ["PUBLIC", "INTERNAL", "NOT_PUBLISHED", "PRIVATE"];

    public static void MapJobEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/jobs", List).WithName("SandboxListJobs");
        api.MapGet("/jobs/{jobId}", Get).WithName("SandboxGetJob");
        api.MapPut("/jobs/{jobId}/status", UpdateStatusAsync).WithName("SandboxUpdateJobStatus");
    }

    private static IResult List(HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        if (!RequestReader.TryInt(context, "limit", 10, 1, 100, out var limit, out var error)
            || !RequestReader.TryInt(context, "offset", 0, 0, 10_000_000, out var offset, out error)
            || !RequestReader.TryDate(context, "updatedAfter", out var updatedAfter, out error)
            || !RequestReader.TryDate(context, "lastActivityAfter", out var lastActivityAfter, out error))
        {
            return error!;
        }

        var query = context.Request.Query;
        var byJobId = query["sort"] == "job_id";
        var pageId = query["pageId"].ToString();
        var lastId = "";
        if (pageId.Length > 0 && (!byJobId || !Formats.TryDecodeCursor(pageId, out lastId)))
        {
            return ApiErrors.BadRequest("INVALID_PAGE_ID", byJobId ? "Invalid pageId." : "pageId requires sort=job_id.");
        }

        var statuses = RequestReader.Many(context, "statuses");
        if (statuses.Count == 0)
        {
            statuses = RequestReader.Many(context, "status");
        }

        if (statuses.FirstOrDefault(s => !ValidStatuses.Contains(s)) is { } badStatus)
        {
            return ApiErrors.BadRequest("INVALID_PARAMETER", $"Unknown job status '{badStatus}'.");
        }

        var postingStatus = query["postingStatus"].ToString();
        if (postingStatus.Length > 0 && !PostingStatuses.Contains(postingStatus))
        {
            return ApiErrors.BadRequest("INVALID_PARAMETER", $"Unknown posting status '{postingStatus}'.");
        }

        var q = query["q"].ToString();
        var departments = RequestReader.Many(context, "department");
        var cities = RequestReader.Many(context, "city");
        var apiBase = paths.ApiBase(context);

        var (total, page, more) = store.Read(s =>
        {
            var filtered = s.Jobs.Where(j =>
                (q.Length == 0 || j.Title.Contains(q, StringComparison.OrdinalIgnoreCase) || (j.RefNumber ?? "").Contains(q, StringComparison.OrdinalIgnoreCase))
                && (statuses.Count == 0 || statuses.Contains(j.Status))
                && (postingStatus.Length == 0 || j.PostingStatus == postingStatus)
                && (departments.Count == 0 || departments.Contains(j.Department?.Label ?? "", StringComparer.Ordinal))
                && (cities.Count == 0 || cities.Contains(j.Location.City ?? "", StringComparer.OrdinalIgnoreCase))
                && (updatedAfter is null || j.UpdatedOn > updatedAfter)
                && (lastActivityAfter is null || j.LastActivityOn > lastActivityAfter)).ToList();
            var ordered = byJobId
                ? filtered.OrderBy(j => j.Id, StringComparer.Ordinal).ToList()
                : filtered.OrderByDescending(j => j.CreatedOn).ThenBy(j => j.Id, StringComparer.Ordinal).ToList();
            var rest = pageId.Length > 0
                ? ordered.Where(j => string.CompareOrdinal(j.Id, lastId) > 0).ToList()
                : ordered.Skip(byJobId ? 0 : offset).ToList();
            return (filtered.Count, rest.Take(limit).Select(j => JobJson.Summary(j, apiBase)).ToList(), rest.Count > limit ? rest[limit - 1].Id : null);
        });

        string? nextPageId = null;
        if (byJobId && more is not null)
        {
            nextPageId = Formats.EncodeCursor(more);
            context.Response.Headers.Link = $"<{Formats.WithQuery(context, apiBase, "/jobs", "pageId", nextPageId)}>; rel=\"next\"";
        }

        return Results.Json(new { limit, offset = byJobId ? 0 : offset, nextPageId, totalFound = total, content = page }, SandboxJson.Api);
    }

    private static IResult Get(string jobId, HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        var apiBase = paths.ApiBase(context);
        var job = store.Read(s => s.Jobs.FirstOrDefault(j => j.Id == jobId) is { } j ? JobJson.Details(j, apiBase) : null);
        return job is null ? ApiErrors.JobNotFound(jobId) : Results.Json(job, SandboxJson.Api);
    }

    private static async Task<IResult> UpdateStatusAsync(string jobId, HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var status = RequestReader.Str(body, "status");
        if (status is null || !ValidStatuses.Contains(status))
        {
            return ApiErrors.BadRequest("INVALID_STATUS", "status must be one of " + string.Join(", ", ValidStatuses) + ".");
        }

        var found = store.Write(s =>
        {
            var job = s.Jobs.FirstOrDefault(j => j.Id == jobId);
            if (job is null)
            {
                return false;
            }

            job.Status = status;
            job.UpdatedOn = job.LastActivityOn = time.GetUtcNow();
            return true;
        });
        if (!found)
        {
            return ApiErrors.JobNotFound(jobId);
        }

        webhooks.PublishJob(context, "job.status.updated", jobId);
        webhooks.PublishJob(context, "job.updated", jobId);
        return Results.Json(new { status }, SandboxJson.Api, statusCode: StatusCodes.Status201Created);
    }
}
