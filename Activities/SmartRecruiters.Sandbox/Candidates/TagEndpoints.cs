using System.Text.Json;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox.Candidates;

/// <summary>Candidate tags: POST adds, PUT replaces, DELETE removes all.</summary>
internal static class TagEndpoints
{
    public const int MaxTags = 100;
    public const int MaxTagLength = 50;

    public static void MapTagEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/candidates/{id}/tags", Get).WithName("SandboxGetTags");
        api.MapPost("/candidates/{id}/tags", (string id, HttpContext c, SandboxStore s, WebhookPublisher w, TimeProvider t, CancellationToken ct) => ChangeAsync(id, false, c, s, w, t, ct)).WithName("SandboxAddTags");
        api.MapPut("/candidates/{id}/tags", (string id, HttpContext c, SandboxStore s, WebhookPublisher w, TimeProvider t, CancellationToken ct) => ChangeAsync(id, true, c, s, w, t, ct)).WithName("SandboxReplaceTags");
        api.MapDelete("/candidates/{id}/tags", Delete).WithName("SandboxDeleteTags");
    }

    public static IResult? Validate(IReadOnlyCollection<string> tags)
    {
        if (tags.Count > MaxTags)
        {
            return ApiErrors.BadRequest("TOO_MANY_TAGS", $"A candidate can have at most {MaxTags} tags.");
        }

        if (tags.FirstOrDefault(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength) is { } bad)
        {
            return ApiErrors.BadRequest("INVALID_TAG", $"Tag '{bad}' must be 1 to {MaxTagLength} characters long.");
        }

        return null;
    }

    private static IResult Get(string id, SandboxStore store)
    {
        var tags = store.Read(s => s.Candidates.FirstOrDefault(c => c.Id == id)?.Tags.ToList());
        return tags is null ? ApiErrors.CandidateNotFound(id) : Results.Json(new { tags }, SandboxJson.Api);
    }

    private static async Task<IResult> ChangeAsync(string id, bool replace, HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        List<string>? tags;
        try
        {
            tags = body["tags"]?.Deserialize<List<string>>(SandboxJson.Api);
        }
        catch (JsonException)
        {
            tags = null;
        }

        if (tags is null)
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", "Body must be {\"tags\":[\"…\"]}.");
        }

        if (Validate(tags) is { } invalid)
        {
            return invalid;
        }

        var (result, failure) = store.Write<(List<string>?, IResult?)>(s =>
        {
            var c = s.Candidates.FirstOrDefault(x => x.Id == id);
            if (c is null)
            {
                return (null, ApiErrors.CandidateNotFound(id));
            }

            var merged = (replace ? tags : c.Tags.Concat(tags)).Distinct(StringComparer.Ordinal).ToList();
            if (merged.Count > MaxTags)
            {
                return (null, ApiErrors.BadRequest("TOO_MANY_TAGS", $"Adding these tags would exceed {MaxTags} tags."));
            }

            c.Tags = merged;
            c.UpdatedOn = time.GetUtcNow();
            return (merged.ToList(), (IResult?)null);
        });
        if (result is null)
        {
            return failure!;
        }

        webhooks.PublishCandidate(context, "candidate.updated", id);
        return Results.Json(new { tags = result }, SandboxJson.Api, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Delete(string id, HttpContext context, SandboxStore store, WebhookPublisher webhooks, TimeProvider time)
    {
        var found = store.Write(s =>
        {
            var c = s.Candidates.FirstOrDefault(x => x.Id == id);
            if (c is null)
            {
                return false;
            }

            c.Tags = [];
            c.UpdatedOn = time.GetUtcNow();
            return true;
        });
        if (!found)
        {
            return ApiErrors.CandidateNotFound(id);
        }

        webhooks.PublishCandidate(context, "candidate.updated", id);
        return Results.NoContent();
    }
}
