using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using RulesEngine.Activities.Http;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Compatibility;

/// <summary>
/// Elsa's FlowSendHttpRequest: sends a request like <c>Elsa.SendHttpRequest</c> but never faults on the answer. It
/// continues through the port named after the status code when that code is expected, <c>Unmatched status code</c>
/// when codes are expected but another came, <c>Done</c> when none are expected; <c>Failed to connect</c> and
/// <c>Timeout</c> when no answer came.
/// </summary>
[Activity("Elsa.FlowSendHttpRequest", Category = "HTTP", DisplayName = "HTTP request (flow)", HasSideEffects = true,
    Outcomes = ["Done", UnmatchedStatusCode, FailedToConnect, TimedOut], DynamicOutcomesInput = "expectedStatusCodes",
    Description = "Sends an HTTP request and continues through the port of the status code it got.")]
public sealed class FlowSendHttpRequest(IHttpClientFactory clients, IHttpConnectionResolver connections) : Activity
{
    public const string UnmatchedStatusCode = "Unmatched status code";
    public const string FailedToConnect = "Failed to connect";
    public const string TimedOut = "Timeout";

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

    [Input(Description = "Status codes with a port of their own; others leave through 'Unmatched status code'.", UiHint = UiHints.List)]
    public Input<int[]> ExpectedStatusCodes { get; set; } = new([]);

    [Output(Description = "The response status code.")]
    public Output<int> StatusCode { get; set; } = new();

    [Output(Description = "The response body, parsed as JSON when it is JSON.")]
    public Output<JsonNode> ParsedContent { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        int status;
        string content;
        try
        {
            (_, _, status, content, _) = await SendHttpRequest.SendAsync(context, new SendHttpRequest.HttpRequestInputs(Url, Method, Connection, Content, ContentType, RequestHeaders), clients, connections, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            context.Complete(FailedToConnect);
            return;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            context.Complete(TimedOut);
            return;
        }

        context.Set(StatusCode, status);
        context.Set(ParsedContent, SendHttpRequest.Parse(content));
        var expected = context.Get(ExpectedStatusCodes) ?? [];
        context.Complete(expected.Length == 0 ? "Done" : expected.Contains(status) ? status.ToString(CultureInfo.InvariantCulture) : UnmatchedStatusCode);
    }
}
