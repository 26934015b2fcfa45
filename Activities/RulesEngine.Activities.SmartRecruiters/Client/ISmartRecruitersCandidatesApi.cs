using System.Text.Json.Nodes;
using Refit;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Candidate, application, tag, attachment and status endpoints.</summary>
public interface ISmartRecruitersCandidatesApi
{
    /// <summary>
    /// <c>GET /candidates</c> (one request in flight per credential). To find by e-mail pass it in double quotes as
    /// <paramref name="q"/>. Only candidates with at least one application are returned.
    /// </summary>
    [Get("/candidates")]
    Task<JsonObject> SearchAsync(
        [Query] string? q,
        [Query] int? limit,
        [Query] string? pageId,
        [Query(CollectionFormat.Multi)] string[]? jobId,
        [Query(CollectionFormat.Multi)] string[]? status,
        [Query] string? subStatus,
        [Query(CollectionFormat.Multi)] string[]? tag,
        [Query] string? updatedAfter,
        CancellationToken cancellationToken);

    [Post("/jobs/{jobId}/candidates")]
    Task<JsonObject> CreateOnJobAsync(string jobId, [Body(buffered: true)] JsonObject candidate, CancellationToken cancellationToken);

    [Post("/candidates")]
    Task<JsonObject> CreateAsync([Body(buffered: true)] JsonObject candidate, CancellationToken cancellationToken);

    [Get("/candidates/{id}")]
    Task<JsonObject> GetAsync(string id, CancellationToken cancellationToken);

    [Patch("/candidates/{id}")]
    Task<JsonObject> UpdateAsync(string id, [Body(buffered: true)] JsonObject personalDetails, CancellationToken cancellationToken);

    [Get("/candidates/{id}/jobs/{jobId}")]
    Task<JsonObject> GetApplicationAsync(string id, string jobId, CancellationToken cancellationToken);

    [Get("/candidates/{id}/jobs/{jobId}/status/history")]
    Task<JsonObject> GetStatusHistoryAsync(string id, string jobId, CancellationToken cancellationToken);

    /// <summary><c>PUT …/status</c> → 204.</summary>
    [Put("/candidates/{id}/jobs/{jobId}/status")]
    Task UpdateStatusAsync(string id, string jobId, [Body(buffered: true)] CandidateStatusUpdate status, CancellationToken cancellationToken);

    [Get("/candidates/{id}/tags")]
    Task<JsonObject> GetTagsAsync(string id, CancellationToken cancellationToken);

    /// <summary><c>POST …/tags</c> adds tags and keeps the others.</summary>
    [Post("/candidates/{id}/tags")]
    Task<JsonObject> AddTagsAsync(string id, [Body(buffered: true)] CandidateTags tags, CancellationToken cancellationToken);

    /// <summary><c>PUT …/tags</c> replaces every tag; activities never use it blindly.</summary>
    [Put("/candidates/{id}/tags")]
    Task<JsonObject> ReplaceTagsAsync(string id, [Body(buffered: true)] CandidateTags tags, CancellationToken cancellationToken);

    [Get("/candidates/{id}/jobs/{jobId}/attachments")]
    Task<JsonObject> ListAttachmentsAsync(string id, string jobId, CancellationToken cancellationToken);

    /// <summary>A document's file (any attachment of the candidate, whatever application it belongs to).</summary>
    [Get("/candidates/attachments/{attachmentId}")]
    Task<Stream> DownloadAttachmentAsync(string attachmentId, CancellationToken cancellationToken);

    /// <summary>Multipart upload; <paramref name="attachmentType"/> is RESUME, COVER_LETTER or GENERIC_FILE.</summary>
    [Multipart]
    [Post("/candidates/{id}/jobs/{jobId}/attachments")]
    Task<JsonObject> UploadAttachmentAsync(string id, string jobId, [AliasAs("attachmentType")] string attachmentType, [AliasAs("file")] ByteArrayPart file, CancellationToken cancellationToken);
}
