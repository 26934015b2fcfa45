using System.Text.Json.Nodes;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Http;

/// <summary>
/// Starts the workflow when a request reaches <c>/hooks/{tenant}/{path}</c>. The runtime matches the path and method,
/// checks the optional header secret and body size, stores the request, and answers 202 — or what
/// <c>Elsa.WriteHttpResponse</c> writes when the workflow has one.
/// </summary>
[Activity("Elsa.HttpEndpoint", Category = "HTTP", DisplayName = "HTTP endpoint", Kind = ActivityKind.Trigger,
    Description = "Starts the workflow on an HTTP request to /hooks/{tenant}/{path}.")]
public sealed class HttpEndpoint : Activity
{
    [Input(Description = "Path under /hooks/{tenant}/, e.g. hellohire/rating.", Required = true)]
    public Input<string> Path { get; set; } = new(string.Empty);

    [Input(Description = "Accepted HTTP methods.", UiHint = UiHints.List)]
    public Input<string[]> SupportedMethods { get; set; } = new(["POST"]);

    [Input(Description = "A header the caller must send, e.g. X-Webhook-Secret (empty: none).")]
    public Input<string> RequiredHeader { get; set; } = new(string.Empty);

    [Input(Description = "Name of the tenant's http connection whose secret 'authHeaderValue' the required header must equal.")]
    public Input<string> RequiredHeaderConnection { get; set; } = new(string.Empty);

    [Input(Description = "Largest accepted body in bytes.")]
    public Input<int> MaxBodyBytes { get; set; } = new(1_048_576);

    [Input(Description = "When false the endpoint answers 404 (the trigger is switched off).")]
    public Input<bool> Enabled { get; set; } = new(true);

    [Output(Description = "The request body (JSON, or a string when not JSON).")]
    public Output<JsonNode> Body { get; set; } = new();

    [Output(Description = "The request headers.")]
    public Output<Dictionary<string, string>> Headers { get; set; } = new();

    [Output(Description = "The query string values.")]
    public Output<Dictionary<string, string>> Query { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        if (context.IsTriggerOfRun)
        {
            context.Set(Body, context.Trigger.Body);
            context.Set(Headers, context.Trigger.Headers.ToDictionary(StringComparer.OrdinalIgnoreCase));
            context.Set(Query, context.Trigger.Query.ToDictionary(StringComparer.Ordinal));
            return ValueTask.CompletedTask;
        }

        // Reached inside a running workflow: wait for a request to the path (an HTTP callback).
        context.CreateBookmark(new BookmarkRequest("Elsa.HttpEndpoint") { Key = NormalizePath(context.Get(Path)) });
        return ValueTask.CompletedTask;
    }

    public override ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption, CancellationToken cancellationToken)
    {
        context.Set(Body, resumption.Payload);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>"/Hellohire/Rating/" → "hellohire/rating": paths match without case and slashes at the ends.</summary>
    public static string NormalizePath(string? path) => (path ?? string.Empty).Trim().Trim('/').ToLowerInvariant();
}
