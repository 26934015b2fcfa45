using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;

namespace RulesEngine.Activities.SmartRecruiters.Client.Http;

/// <summary>Outermost handler: an error answer (after retries) or a timeout becomes a <see cref="SmartRecruitersApiException"/>.</summary>
internal sealed class ErrorTranslationHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? "";
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new SmartRecruitersApiException(null, method, path, "The call did not complete within its time budget (retries included).", [new SmartRecruitersError("TIMEOUT", null)], ex);
        }
        catch (HttpRequestException ex)
        {
            throw new SmartRecruitersApiException(null, method, path, "Network error: " + ex.HttpRequestError, [new SmartRecruitersError("NETWORK_ERROR", null)], ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw ToException(response.StatusCode, method, path, body, null);
        }
    }

    internal static SmartRecruitersApiException ToException(HttpStatusCode status, string method, string path, string body, Exception? inner)
    {
        string? message = null;
        var errors = new List<SmartRecruitersError>();
        try
        {
            if (JsonNode.Parse(body) is JsonObject json)
            {
                message = json["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;
                if (json["errors"] is JsonArray list)
                {
                    foreach (var e in list.OfType<JsonObject>())
                    {
                        errors.Add(new SmartRecruitersError(e["code"]?.ToString(), e["message"]?.ToString()));
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): keep the status only; the body may be long and is not ours to log.
        }

        return new SmartRecruitersApiException(status, method, path, message, errors, inner);
    }
}
