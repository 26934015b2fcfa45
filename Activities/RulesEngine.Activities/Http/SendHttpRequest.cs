using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Http;

/// <summary>
/// Sends an HTTP request, to an absolute URL or to a path of a tenant's vendor endpoint connection (whose auth header
/// is added without ever appearing in the workflow, the journal or the logs).
/// </summary>
[Activity("Elsa.SendHttpRequest", HasSideEffects = true, Category = "HTTP", DisplayName = "Send HTTP request",
    Description = "Sends an HTTP request and outputs the status code and parsed response.")]
public sealed class SendHttpRequest(IHttpClientFactory clients, IHttpConnectionResolver connections) : Activity
{
    [Input(Description = "Absolute URL, or a path relative to the connection's base URL.", Required = true)]
    public Input<string> Url { get; set; } = new(string.Empty);

    [Input(Description = "HTTP method.", Options = ["GET", "POST", "PUT", "PATCH", "DELETE"])]
    public Input<string> Method { get; set; } = new("GET");

    [Input(Description = "Name of the tenant's http (vendor endpoint) connection to use.")]
    public Input<string> Connection { get; set; } = new(string.Empty);

    [Input(Description = "The body: JSON (sent as application/json) or text.", UiHint = UiHints.Json, DefaultSyntax = "CSharp")]
    public Input<JsonNode> Content { get; set; } = new();

    [Input(Description = "Content type of the body.")]
    public Input<string> ContentType { get; set; } = new("application/json");

    [Input(Description = "Extra request headers as a JSON object.", UiHint = UiHints.Json)]
    public Input<Dictionary<string, string>> RequestHeaders { get; set; } = new();

    [Input(Description = "Status codes that count as success; others fault the activity (empty: any 2xx).", UiHint = UiHints.List)]
    public Input<int[]> ExpectedStatusCodes { get; set; } = new([]);

    [Output(Description = "The response status code.")]
    public Output<int> StatusCode { get; set; } = new();

    [Output(Description = "The response body, parsed as JSON when it is JSON.")]
    public Output<JsonNode> ParsedContent { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var (method, uri, status, content, success) = await SendAsync(context, new HttpRequestInputs(Url, Method, Connection, Content, ContentType, RequestHeaders), clients, connections, cancellationToken).ConfigureAwait(false);
        context.Set(StatusCode, status);
        context.Set(ParsedContent, Parse(content));

        var expected = context.Get(ExpectedStatusCodes) ?? [];
        var ok = expected.Length > 0 ? expected.Contains(status) : success;
        if (!ok)
        {
            throw new HttpRequestException($"{method} {uri.GetLeftPart(UriPartial.Path)} answered {status}: {Truncate(content)}", null, (System.Net.HttpStatusCode)status);
        }
    }

    /// <summary>The inputs that make the request, shared with Elsa.FlowSendHttpRequest.</summary>
    internal sealed record HttpRequestInputs(Input<string> Url, Input<string> Method, Input<string> Connection, Input<JsonNode> Content, Input<string> ContentType, Input<Dictionary<string, string>> RequestHeaders);

    /// <summary>Builds and sends the request (connection auth header added here, never in the workflow); returns the answer.</summary>
    internal static async Task<(HttpMethod Method, Uri Uri, int Status, string Content, bool Success)> SendAsync(
        ActivityContext context, HttpRequestInputs inputs, IHttpClientFactory clients, IHttpConnectionResolver connections, CancellationToken cancellationToken)
    {
        var target = context.Get(inputs.Url) ?? string.Empty;
        var connectionName = context.Get(inputs.Connection);
        HttpConnection? connection = null;
        if (!string.IsNullOrWhiteSpace(connectionName))
        {
            connection = await connections.ResolveAsync(context.TenantId, connectionName, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"input 'connection': the tenant has no http connection named '{connectionName}'");
        }

        var uri = Resolve(target, connection);
        using var request = new HttpRequestMessage(new HttpMethod((context.Get(inputs.Method) ?? "GET").ToUpperInvariant()), uri);
        var body = context.Get(inputs.Content);
        if (body is not null && request.Method != HttpMethod.Get)
        {
            var text = body is JsonValue v && v.TryGetValue<string>(out var s) ? s : body.ToJsonString();
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Get(inputs.ContentType) ?? "application/json");
        }

        foreach (var (name, value) in context.Get(inputs.RequestHeaders) ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (connection?.AuthHeaderName is { Length: > 0 } header)
        {
            request.Headers.TryAddWithoutValidation(header, connection.AuthHeaderValue);
        }

        var client = clients.CreateClient(nameof(SendHttpRequest));
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return (request.Method, uri, (int)response.StatusCode, content, response.IsSuccessStatusCode);
    }

    private static Uri Resolve(string target, HttpConnection? connection)
    {
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }

        if (connection is null)
        {
            throw new InvalidOperationException($"input 'url': '{target}' is not an absolute http(s) URL and no connection is given");
        }

        var baseUrl = connection.BaseUrl.ToString().TrimEnd('/') + "/";
        return new Uri(new Uri(baseUrl), target.TrimStart('/'));
    }

    internal static JsonNode? Parse(string content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(content);
        }
        catch (JsonException)
        {
            return JsonValue.Create(content);
        }
    }

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
