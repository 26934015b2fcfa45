using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;

namespace SmartRecruiters.Sandbox.Webhooks;

/// <summary>Webhooks API v201907: subscriptions, activation handshake, secret keys, callbacks log.</summary>
internal static class SubscriptionEndpoints
{
    public static readonly string[] EventNames =
    [
        "job.created", "job.updated", "job.status.updated", "job.hiring-team.updated", "job.ad.created", "job.ad.updated",
        "job.ad.postings.updated", "position.created", "position.updated", "position.deleted", "application.created",
        "application.status.updated", "application.fields.updated", "application.onboarding-status.updated",
        "application.attachment.created", "application.source.updated", "candidate.created", "candidate.updated",
        "candidate.deleted", "offer.created", "offer.updated", "offer.approval.created", "offer.approval.approved",
        "offer.approval.rejected", "offer.approval.abandoned", "offer.approval.step.approved", "offer.approval.step.rejected",
        "offer.approver.skipped", "offer.approver.delegated", "offer.approval.comment.created", "job.approval.created",
        "job.approval.approved", "job.approval.rejected", "job.approval.abandoned", "job.approval.step.approved",
        "job.approval.step.rejected", "job.approver.skipped", "job.approver.delegated", "job.approval.comment.created",
        "review.created", "review.updated", "review.deleted", "application.screening-answers.created",
        "application.screening-answers.updated", "onboarding.process.started",
        "onboarding.assignments.high-priority.completed", "onboarding.assignments.completed",
    ];

    public static void MapSubscriptionEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/webhooks-api/v201907/subscriptions");
        group.MapPost("", CreateAsync).WithName("SandboxCreateSubscription");
        group.MapGet("", List).WithName("SandboxListSubscriptions");
        group.MapGet("/{id}", Get).WithName("SandboxGetSubscription");
        group.MapDelete("/{id}", Delete).WithName("SandboxDeleteSubscription");
        group.MapPut("/{id}/activation", ActivateAsync).WithName("SandboxActivateSubscription");
        group.MapPost("/{id}/secret-key", CreateSecretKey).WithName("SandboxCreateSecretKey");
        group.MapGet("/{id}/secret-key", GetSecretKey).WithName("SandboxGetSecretKey");
        group.MapGet("/{id}/callbacks-log", CallbacksLog).WithName("SandboxCallbacksLog");
    }

    private static string Credential(HttpContext context) => context.Items[ApiPipelineFilter.CredentialItem] as string ?? "";

    private static object Json(SubscriptionRecord s) => new
    {
        id = s.Id,
        callbackUrl = s.CallbackUrl,
        events = s.Events.Select(e => new { name = e.Name, version = e.Version }).ToList(),
        status = s.Status,
    };

    private static IResult NotFound(string id) => ApiErrors.NotFound("SUBSCRIPTION_NOT_FOUND", $"Subscription {id} not found.");

    private static SubscriptionRecord? Owned(SandboxState s, string id, HttpContext context) =>
        s.Subscriptions.FirstOrDefault(x => x.Id == id && x.Credential == Credential(context));

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxStore store, IOptions<SandboxOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, error) = await RequestReader.ReadObjectAsync(context, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var o = options.Value.Webhooks;
        var callbackUrl = RequestReader.Str(body, "callbackUrl");
        if (callbackUrl is null || !Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (o.AllowHttpCallbacks && uri.Scheme == Uri.UriSchemeHttp)))
        {
            return ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, "INVALID_CALLBACK_URL", "callbackUrl must be an absolute https URL.");
        }

        if (body["events"] is not JsonArray { Count: > 0 } rawEvents)
        {
            return ApiErrors.BadRequest("VALIDATION_ERROR", "events must be a non-empty array of event names.");
        }

        var events = new List<EventRef>();
        foreach (var item in rawEvents)
        {
            var (name, version) = item switch
            {
                JsonValue v when v.TryGetValue<string>(out var n) => (n, "v1"),
                JsonObject e => (RequestReader.Str(e, "name"), RequestReader.Str(e, "version") ?? "v1"),
                _ => (null, "v1"),
            };
            if (name is null || !EventNames.Contains(name))
            {
                return ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, "INVALID_EVENT_NAME", $"Unknown event name '{name}'.");
            }

            if (events.Any(e => e.Name == name))
            {
                return ApiErrors.BadRequest("VALIDATION_ERROR", $"Event '{name}' is listed twice.");
            }

            events.Add(new EventRef { Name = name, Version = version });
        }

        var credential = Credential(context);
        var result = store.Write(s =>
        {
            if (s.Subscriptions.Count(x => x.Credential == credential) >= o.MaxSubscriptions)
            {
                return null;
            }

            var sub = new SubscriptionRecord
            {
                Id = Guid.NewGuid().ToString(),
                Credential = credential,
                CallbackUrl = callbackUrl,
                Events = events,
                Status = "inactive",
                AlertingEmailAddress = RequestReader.Str(body, "alertingEmailAddress"),
                CallbackAuthentication = body["callbackAuthentication"]?.DeepClone() as JsonObject,
                CreatedOn = time.GetUtcNow(),
            };
            s.Subscriptions.Add(sub);
            return Json(sub);
        });
        return result is null
            ? ApiErrors.Error(StatusCodes.Status403Forbidden, "SUBSCRIPTIONS_LIMIT_EXCEEDED", $"At most {o.MaxSubscriptions} subscriptions are allowed.")
            : Results.Json(result, SandboxJson.Api, statusCode: StatusCodes.Status201Created);
    }

    private static IResult List(HttpContext context, SandboxStore store, SandboxPaths paths)
    {
        if (!RequestReader.TryInt(context, "limit", 10, 1, 100, out var limit, out var error))
        {
            return error!;
        }

        var pageId = context.Request.Query["page_id"].ToString();
        var lastId = "";
        if (pageId.Length > 0 && !Formats.TryDecodeCursor(pageId, out lastId))
        {
            return ApiErrors.BadRequest("INVALID_PAGE_ID", "Invalid page_id.");
        }

        var credential = Credential(context);
        var (page, more) = store.Read(s =>
        {
            var rest = s.Subscriptions.Where(x => x.Credential == credential && (pageId.Length == 0 || string.CompareOrdinal(x.Id, lastId) > 0))
                .OrderBy(x => x.Id, StringComparer.Ordinal).ToList();
            return (rest.Take(limit).Select(Json).ToList(), rest.Count > limit ? rest[limit - 1].Id : null);
        });
        if (more is not null)
        {
            var next = Formats.WithQuery(context, paths.ApiBase(context), "/webhooks-api/v201907/subscriptions", "page_id", Formats.EncodeCursor(more));
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        return Results.Json(page, SandboxJson.Api);
    }

    private static IResult Get(string id, HttpContext context, SandboxStore store)
    {
        var json = store.Read(s => Owned(s, id, context) is { } sub ? Json(sub) : null);
        return json is null ? NotFound(id) : Results.Json(json, SandboxJson.Api);
    }

    private static IResult Delete(string id, HttpContext context, SandboxStore store)
    {
        var removed = store.Write(s => Owned(s, id, context) is { } sub && s.Subscriptions.Remove(sub));
        return removed ? Results.NoContent() : NotFound(id);
    }

    /// <summary>The handshake: POST to the callback with X-Hook-Secret; only a 200 echoing it activates.</summary>
    private static async Task<IResult> ActivateAsync(string id, HttpContext context, SandboxStore store, IHttpClientFactory httpClientFactory,
        IOptions<SandboxOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var sub = store.Read(s => Owned(s, id, context) is { } x ? new { x.Status, x.CallbackUrl } : null);
        if (sub is null)
        {
            return NotFound(id);
        }

        if (sub.Status == "active")
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict, "SUBSCRIPTION_ALREADY_ACTIVE", "The subscription is already active.");
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        string outcome;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Webhooks.CallbackTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, sub.CallbackUrl);
            request.Headers.TryAddWithoutValidation("X-Hook-Secret", secret);
            using var response = await httpClientFactory.CreateClient(WebhookDispatcher.HttpClientName).SendAsync(request, timeout.Token);
            var echoed = response.Headers.TryGetValues("X-Hook-Secret", out var values) ? values.FirstOrDefault() : null;
            outcome = response.StatusCode != System.Net.HttpStatusCode.OK
                ? $"callback answered {(int)response.StatusCode}, expected 200"
                : echoed != secret ? "callback did not echo X-Hook-Secret" : "ok";
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            outcome = "callback unreachable: " + ex.Message;
        }

        Log.Handshake(loggers.CreateLogger(typeof(SubscriptionEndpoints)), id, outcome);
        if (outcome != "ok")
        {
            return ApiErrors.Error(StatusCodes.Status424FailedDependency, "HANDSHAKE_FAILED", "Activation handshake failed: " + outcome + ".");
        }

        var activated = store.Write(s =>
        {
            if (Owned(s, id, context) is not { } x)
            {
                return false;
            }

            x.Status = "active";
            return true;
        });
        return activated ? Results.NoContent() : NotFound(id);
    }

    private static IResult CreateSecretKey(string id, HttpContext context, SandboxStore store, IOptions<SandboxOptions> options, TimeProvider time)
    {
        var o = options.Value.Webhooks;
        var (key, error) = store.Write<(string?, IResult?)>(s =>
        {
            if (Owned(s, id, context) is not { } sub)
            {
                return (null, NotFound(id));
            }

            var now = time.GetUtcNow();
            sub.SecretKeys.RemoveAll(k => k.ExpiresOn <= now);
            if (sub.SecretKeys.Count >= o.MaxSecretKeys)
            {
                return (null, ApiErrors.Error(StatusCodes.Status403Forbidden, "SECRET_KEYS_LIMIT_EXCEEDED", $"At most {o.MaxSecretKeys} secret keys are allowed."));
            }

            // The previous keys keep signing for a grace period so receivers can roll over.
            foreach (var old in sub.SecretKeys.Where(k => k.ExpiresOn is null))
            {
                old.ExpiresOn = now + o.OldKeyValidity;
            }

            var record = new SecretKeyRecord { Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), CreatedOn = now };
            sub.SecretKeys.Add(record);
            return (record.Key, (IResult?)null);
        });
        return key is null ? error! : Results.Json(new { secretKey = key }, SandboxJson.Api, statusCode: StatusCodes.Status201Created);
    }

    private static IResult GetSecretKey(string id, HttpContext context, SandboxStore store)
    {
        var (found, key) = store.Read(s => Owned(s, id, context) is { } sub
            ? (true, sub.SecretKeys.Where(k => k.ExpiresOn is null).Select(k => k.Key).LastOrDefault())
            : (false, null));
        if (!found)
        {
            return NotFound(id);
        }

        return key is null
            ? ApiErrors.NotFound("SECRET_KEY_NOT_FOUND", "No secret key was generated for this subscription.")
            : Results.Json(new { secretKey = key }, SandboxJson.Api);
    }

    private static IResult CallbacksLog(string id, HttpContext context, SandboxStore store)
    {
        if (!RequestReader.TryInt(context, "limit", 10, 1, 100, out var limit, out var error))
        {
            return error!;
        }

        var wanted = context.Request.Query["callbackStatus"].ToString();
        var log = store.Read(s => Owned(s, id, context) is null
            ? null
            : s.Deliveries.Where(d => d.SubscriptionId == id && d.Attempts > 0 && d.Status != "pending" && (wanted.Length == 0 || d.Status == wanted))
                .OrderByDescending(d => d.LastAttemptOn).Take(limit)
                .Select(d => new
                {
                    status = d.Status,
                    timestamp = Formats.Iso(d.LastAttemptOn),
                    requestDetails = new { url = d.CallbackUrl, body = d.Body, headers = d.LastRequestHeaders },
                }).ToList());
        return log is null ? NotFound(id) : Results.Json(log, SandboxJson.Api);
    }
}
