using System.Text.Json.Nodes;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.Http;

/// <summary>Writes the HTTP response of the request that started the workflow (the runtime waits for it).</summary>
[Activity("Elsa.WriteHttpResponse", Instant = true, Category = "HTTP", DisplayName = "HTTP response",
    Description = "Answers the HTTP request that started the workflow.")]
public sealed class WriteHttpResponse : Activity
{
    [Input(Description = "Status code.")]
    public Input<int> StatusCode { get; set; } = new(200);

    [Input(Description = "The body: JSON, or text.", UiHint = UiHints.Json, DefaultSyntax = "CSharp")]
    public Input<JsonNode> Content { get; set; } = new();

    [Input(Description = "Content type.")]
    public Input<string> ContentType { get; set; } = new("application/json");

    [Input(Description = "Extra response headers as a JSON object.", UiHint = UiHints.Json)]
    public Input<Dictionary<string, string>> ResponseHeaders { get; set; } = new();

    [Output(Description = "The response as written.")]
    public Output<HttpResponseData> Response { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var status = context.Get(StatusCode);
        if (status is < 100 or > 599)
        {
            throw new InvalidOperationException($"input 'statusCode': {status} is not an HTTP status code");
        }

        context.Set(Response, new HttpResponseData(status, context.Get(Content), context.Get(ContentType) ?? "application/json", context.Get(ResponseHeaders) ?? []));
        return ValueTask.CompletedTask;
    }
}
