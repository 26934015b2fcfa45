using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RulesEngine.Activities.Http;
using RulesEngine.Core.Execution;
using RulesEngine.Host.Features.Runs;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Connections;
using RulesEngine.Persistence.Inbox;
using RulesEngine.Persistence.Triggers;
using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Host.Features.Hooks;

/// <summary>
/// <c>/hooks/{tenant}/{path}</c>: requests to <c>Elsa.HttpEndpoint</c> triggers. The request is stored in the inbox
/// (deduplicated by its Idempotency-Key) before it is acknowledged; the answer is 202 with the instance id, or what the
/// workflow's <c>Elsa.WriteHttpResponse</c> wrote.
/// </summary>
public static partial class HookEndpoints
{
    public static IEndpointRouteBuilder MapHookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/hooks/{tenantId}/{**path}", ["GET", "POST", "PUT", "PATCH", "DELETE"], HandleAsync)
            .WithTags("Hooks")
            .WithName("HttpEndpointHook")
            .WithSummary("Starts the workflows whose HTTP endpoint trigger matches the path and method.")
            .AllowAnonymous();
        return app;
    }

    internal static async Task<IResult> HandleAsync(
        HttpContext http,
        string tenantId,
        string? path,
        ITriggerIndexStore triggers,
        IWorkflowDefinitionStore definitions,
        IConnectionSecretsReader secrets,
        IWebhookInboxStore inbox,
        InstanceExecutor executor,
        RunQueue queue,
        CancellationToken cancellationToken)
    {
        var key = HttpEndpoint.NormalizePath(path);
        var matches = await triggers.FindAsync(tenantId, TriggerKinds.Http, key, cancellationToken).ConfigureAwait(false);
        if (matches.Count == 0)
        {
            return Problem(StatusCodes.Status404NotFound, $"no published workflow listens on /hooks/{tenantId}/{key}", ProblemTypes.NotFound);
        }

        // One path belongs to one workflow; the first published match answers.
        var trigger = matches[0];
        var settings = JsonNode.Parse(trigger.SettingsJson ?? "{}") as JsonObject ?? [];
        if (Setting(settings, "enabled") is "false" or "False")
        {
            return Problem(StatusCodes.Status404NotFound, $"the endpoint /hooks/{tenantId}/{key} is switched off", ProblemTypes.NotFound);
        }

        var methods = Methods(settings);
        if (!methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            http.Response.Headers.Allow = string.Join(", ", methods);
            return Problem(StatusCodes.Status405MethodNotAllowed, $"/hooks/{tenantId}/{key} accepts {string.Join(", ", methods)}", ProblemTypes.Validation);
        }

        if (await CheckHeaderSecretAsync(http, tenantId, settings, secrets, cancellationToken).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var maxBytes = int.TryParse(Setting(settings, "maxBodyBytes"), out var m) && m > 0 ? m : 1_048_576;
        var body = await ReadBodyAsync(http.Request, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, $"the body is larger than {maxBytes} bytes", ProblemTypes.Validation);
        }

        var delivery = new TriggerDelivery(
            http.Request.Method,
            http.Request.Headers.Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !h.Key.Equals(Setting(settings, "requiredHeader"), StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal));
        var published = await definitions.GetPublishedVersionAsync(tenantId, trigger.DefinitionId, cancellationToken).ConfigureAwait(false);
        if (published is null)
        {
            return Problem(StatusCodes.Status409Conflict, $"workflow '{trigger.DefinitionId}' has no published version", ProblemTypes.NotRunnable);
        }

        PreparedRun prepared;
        try
        {
            prepared = executor.Prepare(tenantId, published, new RunRequest
            {
                Body = TriggerDelivery.ParseBody(body),
                Headers = delivery.Headers,
                Query = delivery.Query,
                TriggerActivityId = trigger.ActivityId,
                TriggerKind = "http",
            });
        }
        catch (WorkflowNotRunnableException ex)
        {
            return Problem(StatusCodes.Status409Conflict, ex.Message, ProblemTypes.NotRunnable);
        }

        // The request and the instance it starts are stored in one transaction before anything is acknowledged; a repeated
        // Idempotency-Key stores neither and answers with the first delivery's instance.
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        var added = await inbox.TryAddStartedAsync(new NewWebhookInboxItem(
            tenantId,
            InboxSources.Http(trigger.DefinitionId, trigger.ActivityId),
            string.IsNullOrEmpty(idempotencyKey) ? prepared.InstanceId : idempotencyKey,
            delivery.Serialize(),
            body), prepared.Instance, cancellationToken).ConfigureAwait(false);
        if (!added.IsNew)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
            return TypedResults.Accepted((string?)null, new { instanceId = added.Item.InstanceId, duplicate = true });
        }

        executor.Created(prepared);

        // Runs that answer the caller run now, here; the others are queued and acknowledged at once.
        if (!prepared.Blueprint.Nodes.Values.Any(n => n.Node.Type == "Elsa.WriteHttpResponse"))
        {
            queue.Enqueue(new RunTicket(tenantId, prepared.InstanceId));
            return Respond(http, new InstanceOutcome(prepared.InstanceId, null));
        }

        // The run was accepted (it is stored): a caller that hangs up does not cancel it.
        var state = await executor.RunCreatedAsync(prepared, CancellationToken.None).ConfigureAwait(false);
        return Respond(http, new InstanceOutcome(prepared.InstanceId, state));
    }

    private static IResult Respond(HttpContext http, InstanceOutcome? outcome)
    {
        var state = outcome?.State;
        http.Response.Headers["X-RulesEngine-Instance"] = outcome?.InstanceId;
        if (state is not null)
        {
            foreach (var outputs in state.ActivityOutputs.Values)
            {
                if (outputs.TryGetValue("response", out var value) && ValueConverter.Convert<HttpResponseData>(value) is { } response)
                {
                    foreach (var (name, headerValue) in response.Headers)
                    {
                        http.Response.Headers[name] = headerValue;
                    }

                    var text = response.Content is JsonValue v && v.TryGetValue<string>(out var s) ? s : response.Content?.ToJsonString() ?? string.Empty;
                    return TypedResults.Text(text, response.ContentType, Encoding.UTF8, response.StatusCode);
                }
            }

            if (state.Status == WorkflowStatus.Faulted)
            {
                return Problem(StatusCodes.Status500InternalServerError, $"the workflow faulted before answering (instance {outcome!.InstanceId}): {state.Fault?.Message}", ProblemTypes.NotRunnable);
            }
        }

        return TypedResults.Accepted((string?)null, new { instanceId = outcome?.InstanceId });
    }

    private static async Task<IResult?> CheckHeaderSecretAsync(HttpContext http, string tenantId, JsonObject settings, IConnectionSecretsReader secrets, CancellationToken cancellationToken)
    {
        var header = Setting(settings, "requiredHeader");
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var connectionName = Setting(settings, "requiredHeaderConnection");
        var expected = string.IsNullOrEmpty(connectionName) ? null
            : (await secrets.GetAsync(tenantId, connectionName, cancellationToken).ConfigureAwait(false))?.Secrets.GetValueOrDefault("authHeaderValue");
        var presented = http.Request.Headers[header].ToString();
        if (string.IsNullOrEmpty(expected) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return Problem(StatusCodes.Status401Unauthorized, $"the request lacks a valid {header} header", ProblemTypes.Validation);
        }

        return null;
    }

    /// <summary>Reads the body as text, or null when it exceeds the limit.</summary>
    internal static async Task<string?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        // A pooled buffer sized from Content-Length when there is one: a webhook body is a few hundred bytes, and a
        // fresh 16 KB chunk per request was most of what a hook allocated.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max((request.ContentLength ?? 4096) + 1, 256), maxBytes + 1L));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }

            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string[] Methods(JsonObject settings)
    {
        var node = settings["supportedMethods"];
        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            node = text.TrimStart().StartsWith('[') ? JsonNode.Parse(text) : new JsonArray([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode)s)]);
        }

        var methods = (node as JsonArray)?.Select(m => m?.GetValue<string>()).OfType<string>().ToArray() ?? [];
        return methods.Length == 0 ? ["POST"] : methods;
    }

    private static string? Setting(JsonObject settings, string name) => settings[name] switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static IResult Problem(int status, string detail, string type) => TypedResults.Problem(statusCode: status, detail: detail, type: type);
}
