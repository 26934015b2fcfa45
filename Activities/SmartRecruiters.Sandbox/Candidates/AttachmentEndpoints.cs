using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox.Candidates;

/// <summary>Attachments per application (and the deprecated candidate-level ones), download and delete.</summary>
internal static class AttachmentEndpoints
{
    private static readonly string[] Types = ["GENERIC_FILE", "RESUME", "COVER_LETTER"];

    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/candidates/{id}/jobs/{jobId}/attachments", (string id, string jobId, HttpContext c, SandboxStore s, WebhookPublisher w, TimeProvider t, SandboxPaths p, IOptions<SandboxOptions> o, CancellationToken ct) => UploadAsync(id, jobId, c, s, w, t, p, o.Value, ct))
            .WithName("SandboxUploadApplicationAttachment").DisableAntiforgery();
        api.MapGet("/candidates/{id}/jobs/{jobId}/attachments", (string id, string jobId, HttpContext c, SandboxStore s, SandboxPaths p) => List(id, jobId, c, s, p))
            .WithName("SandboxListApplicationAttachments");
        api.MapPost("/candidates/{id}/attachments", (string id, HttpContext c, SandboxStore s, WebhookPublisher w, TimeProvider t, SandboxPaths p, IOptions<SandboxOptions> o, CancellationToken ct) => UploadAsync(id, null, c, s, w, t, p, o.Value, ct))
            .WithName("SandboxUploadCandidateAttachment").DisableAntiforgery();
        api.MapGet("/candidates/{id}/attachments", (string id, HttpContext c, SandboxStore s, SandboxPaths p) => List(id, null, c, s, p))
            .WithName("SandboxListCandidateAttachments");
        api.MapGet("/candidates/attachments/{attachmentId}", Download).WithName("SandboxDownloadAttachment");
        api.MapDelete("/candidates/attachments/{attachmentId}", Delete).WithName("SandboxDeleteAttachment");
    }

    private static async Task<IResult> UploadAsync(string id, string? jobId, HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time, SandboxPaths paths, SandboxOptions options, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return ApiErrors.BadRequest("INVALID_FILE", "Expected multipart/form-data with attachmentType and file.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var type = form["attachmentType"].ToString() is { Length: > 0 } t ? t : "GENERIC_FILE";
        if (!Types.Contains(type))
        {
            return ApiErrors.BadRequest("INVALID_ATTACHMENT_TYPE", "attachmentType must be GENERIC_FILE, RESUME or COVER_LETTER.");
        }

        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
        if (file is null || file.Length == 0)
        {
            return ApiErrors.BadRequest("INVALID_FILE", "A non-empty 'file' part is required.");
        }

        if (file.Length > options.MaxAttachmentBytes)
        {
            return ApiErrors.BadRequest("INVALID_FILE", $"The file exceeds {options.MaxAttachmentBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var name = Path.GetFileName(file.FileName is { Length: > 0 } fn ? fn : "file");
        var apiBase = paths.ApiBase(context);

        var (record, applicationId, error) = store.Write<(AttachmentRecord?, string?, IResult?)>(s =>
        {
            string? appId = null;
            if (jobId is not null)
            {
                var (app, err) = ApplicationEndpoints.Find(s, id, jobId);
                if (app is null)
                {
                    return (null, null, err);
                }

                appId = app.Id;
            }
            else if (s.Candidates.All(c => c.Id != id))
            {
                return (null, null, ApiErrors.CandidateNotFound(id));
            }

            var existing = s.Attachments.Where(a => a.CandidateId == id).ToList();
            if (existing.Any(a => a.Name == name || a.Sha256 == sha))
            {
                return (null, null, ApiErrors.BadRequest("FILE_ALREADY_EXIST", $"The candidate already has the file '{name}'."));
            }

            if (existing.Count >= options.MaxAttachmentsPerCandidate)
            {
                return (null, null, ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, "ATTACHMENT_LIMIT_EXCEEDED", $"A candidate can have at most {options.MaxAttachmentsPerCandidate} attachments."));
            }

            var now = time.GetUtcNow();
            var attachment = new AttachmentRecord
            {
                Id = Guid.NewGuid().ToString(),
                CandidateId = id,
                JobId = jobId,
                Name = name,
                Type = type,
                ContentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType,
                Sha256 = sha,
                Size = bytes.Length,
                ContentBase64 = Convert.ToBase64String(bytes),
                CreatedOn = now,
            };
            s.Attachments.Add(attachment);
            s.Candidates.First(c => c.Id == id).UpdatedOn = now;
            return (attachment, appId, (IResult?)null);
        });
        if (record is null)
        {
            return error!;
        }

        if (jobId is not null)
        {
            webhooks.PublishApplication(context, "application.attachment.created", jobId, id, applicationId!, record.Id);
        }

        return Results.Json(CandidateJson.Attachment(record, apiBase), SandboxJson.Api, statusCode: StatusCodes.Status201Created);
    }

    private static IResult List(string id, string? jobId, HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        var apiBase = paths.ApiBase(context);
        var (json, error) = store.Read(s =>
        {
            if (jobId is not null)
            {
                var (app, err) = ApplicationEndpoints.Find(s, id, jobId);
                if (app is null)
                {
                    return (null, err);
                }
            }
            else if (s.Candidates.All(c => c.Id != id))
            {
                return (null, ApiErrors.CandidateNotFound(id));
            }

            var items = s.Attachments.Where(a => a.CandidateId == id && (jobId is null || a.JobId == jobId))
                .OrderBy(a => a.CreatedOn).Select(a => CandidateJson.Attachment(a, apiBase)).ToList();
            return ((object?)new { totalFound = items.Count, content = items }, (IResult?)null);
        });
        return error ?? Results.Json(json, SandboxJson.Api);
    }

    private static IResult Download(string attachmentId, SandboxStore store)
    {
        var a = store.Read(s => s.Attachments.FirstOrDefault(x => x.Id == attachmentId));
        return a is null
            ? ApiErrors.NotFound("FILE_NOT_FOUND", $"Attachment {attachmentId} not found.")
            : Results.File(Convert.FromBase64String(a.ContentBase64), a.ContentType, a.Name);
    }

    private static IResult Delete(string attachmentId, SandboxStore store)
    {
        var removed = store.Write(s => s.Attachments.RemoveAll(x => x.Id == attachmentId));
        return removed == 0 ? ApiErrors.NotFound("FILE_NOT_FOUND", $"Attachment {attachmentId} not found.") : Results.NoContent();
    }
}
