using System.Text.Json;
using System.Text.Json.Nodes;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox.Candidates;

/// <summary>Candidate create, search, read, update and delete.</summary>
internal static class CandidateEndpoints
{
    public static readonly string[] Statuses = ["LEAD", "NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN", "TRANSFERRED"];

    public static void MapCandidateEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/candidates", (HttpContext c, SandboxStore s, WebhookPublisher w, TimeProvider t, SandboxPaths p, CancellationToken ct) => CreateAsync(null, c, s, w, t, p, ct))
            .WithName("SandboxCreateCandidate");
        api.MapPost("/jobs/{jobId}/candidates", (string jobId, HttpContext c, SandboxStore s, WebhookPublisher w, TimeProvider t, SandboxPaths p, CancellationToken ct) => CreateAsync(jobId, c, s, w, t, p, ct))
            .WithName("SandboxCreateCandidateOnJob");
        api.MapGet("/candidates", List).WithName("SandboxListCandidates").WithMetadata(ApiEndpointKind.CandidateSearch);
        api.MapGet("/candidates/{id}", Get).WithName("SandboxGetCandidate");
        api.MapPatch("/candidates/{id}", PatchAsync).WithName("SandboxPatchCandidate");
        api.MapDelete("/candidates/{id}", Delete).WithName("SandboxDeleteCandidate");
    }

    private static async Task<IResult> CreateAsync(string? jobId, HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time, SandboxPaths paths, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var firstName = RequestReader.Str(body, "firstName");
        var lastName = RequestReader.Str(body, "lastName");
        var email = RequestReader.Str(body, "email");
        var missing = new[] { ("firstName", firstName), ("lastName", lastName), ("email", email) }.Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", "Required fields missing: " + string.Join(", ", missing) + ".");
        }

        if (!IsEmail(email!))
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", "email is not a valid e-mail address.");
        }

        List<string> tags;
        CandidateLocationRecord? location;
        Dictionary<string, string>? web;
        try
        {
            tags = body["tags"]?.Deserialize<List<string>>(SandboxJson.Api) ?? [];
            location = body["location"]?.Deserialize<CandidateLocationRecord>(SandboxJson.Api);
            web = body["web"]?.Deserialize<Dictionary<string, string>>(SandboxJson.Api);
        }
        catch (JsonException ex)
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", ex.Message);
        }

        if (TagEndpoints.Validate(tags) is { } tagError)
        {
            return tagError;
        }

        var sourceDetails = body["sourceDetails"] as JsonObject;
        var apiBase = paths.ApiBase(context);
        var now = time.GetUtcNow();
        var outcome = store.Write<(IResult? Error, CandidateRecord? Candidate, bool Created, ApplicationRecord? Application, object? Json)>(s =>
        {
            JobRecord? job = null;
            if (jobId is not null && (job = s.Jobs.FirstOrDefault(j => j.Id == jobId)) is null)
            {
                return (ApiErrors.JobNotFound(jobId), null, false, null, null);
            }

            var (sourceError, sourceLabel) = ValidateSource(s, sourceDetails);
            if (sourceError is not null)
            {
                return (sourceError, null, false, null, null);
            }

            // The real service de-duplicates by e-mail: posting a known e-mail adds to the existing candidate.
            var candidate = s.Candidates.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
            var created = candidate is null;
            if (candidate is null)
            {
                candidate = new CandidateRecord
                {
                    Id = Guid.NewGuid().ToString(),
                    FirstName = firstName!,
                    LastName = lastName!,
                    Email = email,
                    PhoneNumber = RequestReader.Str(body, "phoneNumber"),
                    Internal = RequestReader.Bool(body, "internal") ?? false,
                    Location = location,
                    Web = web,
                    Tags = [.. tags.Distinct(StringComparer.Ordinal)],
                    Education = body["education"]?.DeepClone() as JsonArray,
                    Experience = body["experience"]?.DeepClone() as JsonArray,
                    CreatedOn = now,
                    UpdatedOn = now,
                };
                s.Candidates.Add(candidate);
            }

            ApplicationRecord? application = null;
            if (job is not null && !s.Applications.Any(a => a.CandidateId == candidate.Id && a.JobId == job.Id))
            {
                application = new ApplicationRecord
                {
                    Id = Guid.NewGuid().ToString(),
                    CandidateId = candidate.Id,
                    JobId = job.Id,
                    Status = "NEW",
                    StartsOn = now,
                    Source = sourceLabel ?? "API",
                    SourceTypeId = RequestReader.Str(sourceDetails ?? [], "sourceTypeId"),
                    SourceSubTypeId = RequestReader.Str(sourceDetails ?? [], "sourceSubTypeId"),
                    SourceId = RequestReader.Str(sourceDetails ?? [], "sourceId"),
                    History = [new() { ChangedOn = now, Status = "NEW" }],
                };
                s.Applications.Add(application);
                candidate.UpdatedOn = now;
                job.LastActivityOn = now;
            }

            return (null, candidate, created, application, CandidateJson.Details(s, candidate, apiBase));
        });
        if (outcome.Error is not null)
        {
            return outcome.Error;
        }

        if (outcome.Created)
        {
            webhooks.PublishCandidate(context, "candidate.created", outcome.Candidate!.Id);
        }

        if (outcome.Application is { } app)
        {
            webhooks.PublishApplication(context, "application.created", app.JobId, app.CandidateId, app.Id);
        }

        return Results.Json(outcome.Json, SandboxJson.Api, statusCode: StatusCodes.Status201Created);
    }

    private static (IResult? Error, string? Label) ValidateSource(SandboxState s, JsonObject? sourceDetails)
    {
        if (sourceDetails is null)
        {
            return (null, null);
        }

        var typeId = RequestReader.Str(sourceDetails, "sourceTypeId");
        var subTypeId = RequestReader.Str(sourceDetails, "sourceSubTypeId");
        var sourceId = RequestReader.Str(sourceDetails, "sourceId");
        var type = s.Sources.FirstOrDefault(t => t.Id == typeId);
        if (type is null)
        {
            return (ApiErrors.NotFound("SOURCE_TYPE_NOT_FOUND", $"Source type '{typeId}' not found."), null);
        }

        if (type.Subtypes.Count > 0 && string.IsNullOrEmpty(subTypeId))
        {
            return (ApiErrors.BadRequest("SUBTYPE_REQUIRED", $"Source type '{typeId}' requires sourceSubTypeId."), null);
        }

        var value = type.Values.FirstOrDefault(v => v.Id == sourceId && (type.Subtypes.Count == 0 || v.SubType == subTypeId));
        return value is null
            ? (ApiErrors.BadRequest("SOURCE_NOT_FOUND", $"Source '{sourceId}' not found for type '{typeId}'."), null)
            : (null, value.Label);
    }

    private static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < email.Length - 1 && !email.Contains(' ', StringComparison.Ordinal);
    }

    private static IResult List(HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        if (!RequestReader.TryInt(context, "limit", 10, 1, 100, out var limit, out var error)
            || !RequestReader.TryDate(context, "updatedAfter", out var updatedAfter, out error))
        {
            return error!;
        }

        var pageId = context.Request.Query["pageId"].ToString();
        var lastId = "";
        if (pageId.Length > 0 && !Formats.TryDecodeCursor(pageId, out lastId))
        {
            return ApiErrors.BadRequest("INVALID_PAGE_ID", "Invalid pageId.");
        }

        var statuses = RequestReader.Many(context, "status");
        if (statuses.FirstOrDefault(st => !Statuses.Contains(st)) is { } bad)
        {
            return ApiErrors.BadRequest("INVALID_PARAMETER", $"Unknown candidate status '{bad}'.");
        }

        var q = context.Request.Query["q"].ToString().Trim();
        var jobIds = RequestReader.Many(context, "jobId");
        var tags = context.Request.Query["tag"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
        var subStatus = context.Request.Query["subStatus"].ToString();
        var consent = RequestReader.Many(context, "consentStatus");
        var apiBase = paths.ApiBase(context);

        var (total, page, more) = store.Read(s =>
        {
            var matches = s.Candidates.Where(c =>
                {
                    // Only candidates with an application matching the job/status criteria, as documented.
                    var apps = s.Applications.Where(a => a.CandidateId == c.Id
                        && (jobIds.Count == 0 || jobIds.Contains(a.JobId))
                        && (statuses.Count == 0 || statuses.Contains(a.Status))
                        && (subStatus.Length == 0 || a.SubStatus == subStatus));
                    return apps.Any()
                        && MatchesQuery(c, q)
                        && (tags.Count == 0 || tags.Any(t => c.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
                        && (consent.Count == 0 || consent.Contains(c.ConsentStatus))
                        && (updatedAfter is null || c.UpdatedOn > updatedAfter);
                })
                .OrderBy(c => c.Id, StringComparer.Ordinal)
                .ToList();
            var rest = pageId.Length > 0 ? matches.Where(c => string.CompareOrdinal(c.Id, lastId) > 0).ToList() : matches;
            return (matches.Count, rest.Take(limit).Select(c => CandidateJson.ListItem(s, c, apiBase)).ToList(), rest.Count > limit ? rest[limit - 1].Id : null);
        });

        string? nextPageId = null;
        if (more is not null)
        {
            nextPageId = Formats.EncodeCursor(more);
            context.Response.Headers.Link = $"<{Formats.WithQuery(context, apiBase, "/candidates", "pageId", nextPageId)}>; rel=\"next\"";
        }

        return Results.Json(new { limit, offset = 0, nextPageId, totalFound = total, content = page }, SandboxJson.Api);
    }

    /// <summary>A quoted query is an exact phrase (the documented way to find by e-mail); otherwise every word must appear.</summary>
    private static bool MatchesQuery(CandidateRecord c, string q)
    {
        if (q.Length == 0)
        {
            return true;
        }

        if (q.Length >= 2 && q[0] == '"' && q[^1] == '"')
        {
            var phrase = q[1..^1];
            return string.Equals(c.Email, phrase, StringComparison.OrdinalIgnoreCase)
                || string.Equals($"{c.FirstName} {c.LastName}", phrase, StringComparison.OrdinalIgnoreCase);
        }

        var haystack = $"{c.FirstName} {c.LastName} {c.Email}";
        return q.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    private static IResult Get(string id, HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        var apiBase = paths.ApiBase(context);
        var json = store.Read(s => s.Candidates.FirstOrDefault(c => c.Id == id) is { } c ? CandidateJson.Details(s, c, apiBase) : null);
        return json is null ? ApiErrors.CandidateNotFound(id) : Results.Json(json, SandboxJson.Api);
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time, SandboxPaths paths, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        foreach (var name in new[] { "firstName", "lastName", "email" })
        {
            if (body.ContainsKey(name) && string.IsNullOrWhiteSpace(RequestReader.Str(body, name)))
            {
                return ApiErrors.BadRequest("VALIDATION_ERROR", $"{name} must not be empty.");
            }
        }

        if (RequestReader.Str(body, "email") is { } newEmail && !IsEmail(newEmail))
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", "email is not a valid e-mail address.");
        }

        CandidateLocationRecord? location;
        Dictionary<string, string>? web;
        try
        {
            location = body["location"]?.Deserialize<CandidateLocationRecord>(SandboxJson.Api);
            web = body["web"]?.Deserialize<Dictionary<string, string>>(SandboxJson.Api);
        }
        catch (JsonException ex)
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", ex.Message);
        }

        var apiBase = paths.ApiBase(context);
        var json = store.Write(s =>
        {
            var c = s.Candidates.FirstOrDefault(x => x.Id == id);
            if (c is null)
            {
                return null;
            }

            c.FirstName = RequestReader.Str(body, "firstName") ?? c.FirstName;
            c.LastName = RequestReader.Str(body, "lastName") ?? c.LastName;
            c.Email = RequestReader.Str(body, "email") ?? c.Email;
            c.PhoneNumber = body.ContainsKey("phoneNumber") ? RequestReader.Str(body, "phoneNumber") : c.PhoneNumber;
            c.Location = body.ContainsKey("location") ? location : c.Location;
            c.Web = body.ContainsKey("web") ? web : c.Web;
            c.UpdatedOn = time.GetUtcNow();
            return CandidateJson.Details(s, c, apiBase);
        });
        if (json is null)
        {
            return ApiErrors.CandidateNotFound(id);
        }

        webhooks.PublishCandidate(context, "candidate.updated", id);
        return Results.Json(json, SandboxJson.Api);
    }

    private static IResult Delete(string id, HttpContext context, SandboxStore store, WebhookPublisher webhooks)
    {
        var removed = store.Write(s =>
        {
            if (s.Candidates.RemoveAll(c => c.Id == id) == 0)
            {
                return false;
            }

            s.Applications.RemoveAll(a => a.CandidateId == id);
            s.Attachments.RemoveAll(a => a.CandidateId == id);
            return true;
        });
        if (!removed)
        {
            return ApiErrors.CandidateNotFound(id);
        }

        webhooks.PublishCandidate(context, "candidate.deleted", id);
        return Results.NoContent();
    }
}
