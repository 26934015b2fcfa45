using System.Text.Json.Nodes;
using Refit;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Jobs and configuration endpoints (no version prefix).</summary>
public interface ISmartRecruitersJobsApi
{
    /// <summary><c>GET /jobs</c>: page with <c>pageId</c> and <c>sort=job_id</c>; the answer has <c>nextPageId</c>.</summary>
    [Get("/jobs")]
    Task<JsonObject> ListJobsAsync(
        [Query] string? q,
        [Query] int? limit,
        [Query] string? pageId,
        [Query] string? sort,
        [Query] string? updatedAfter,
        [Query] string? status,
        [Query] string? postingStatus,
        [Query(CollectionFormat.Multi)] string[]? department,
        CancellationToken cancellationToken);

    [Get("/jobs/{jobId}")]
    Task<JsonObject> GetJobAsync(string jobId, CancellationToken cancellationToken);

    [Get("/configuration/hiring-processes")]
    Task<JsonObject> ListHiringProcessesAsync(CancellationToken cancellationToken);

    [Get("/configuration/hiring-processes/{id}")]
    Task<JsonObject> GetHiringProcessAsync(string id, CancellationToken cancellationToken);

    [Get("/configuration/sources")]
    Task<JsonObject> ListSourceTypesAsync(CancellationToken cancellationToken);

    /// <summary>Paged with <c>offset</c>/<c>limit</c> and <c>totalFound</c>.</summary>
    [Get("/configuration/sources/{sourceType}/values")]
    Task<JsonObject> ListSourceValuesAsync(string sourceType, [Query] string? sourceSubType, [Query] int? limit, [Query] int? offset, CancellationToken cancellationToken);

    /// <summary>A cheap call to check a credential.</summary>
    [Get("/users/me")]
    Task<JsonObject> GetMeAsync(CancellationToken cancellationToken);
}
