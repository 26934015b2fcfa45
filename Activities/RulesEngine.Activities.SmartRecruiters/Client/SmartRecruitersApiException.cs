using System.Net;
using RulesEngine.Core.Execution;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>
/// SmartRecruiters answered an error (after retries), or the call ran out of time. Carries the status code and
/// <c>errors[].code</c>; the message names method and path but never headers, keys or tokens.
/// </summary>
public sealed class SmartRecruitersApiException : Exception, IHasErrorCode
{
    public SmartRecruitersApiException(HttpStatusCode? statusCode, string method, string path, string? apiMessage, IReadOnlyList<SmartRecruitersError> errors, Exception? inner = null)
        : base(Describe(statusCode, method, path, apiMessage, errors), inner)
    {
        StatusCode = statusCode;
        Method = method;
        Path = path;
        ApiMessage = apiMessage;
        Errors = errors;
    }

    /// <summary>The HTTP status; null when no answer came (timeout, network).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string Method { get; }

    /// <summary>Request path without the query string (which may hold e-mail addresses).</summary>
    public string Path { get; }

    public string? ApiMessage { get; }

    public IReadOnlyList<SmartRecruitersError> Errors { get; }

    /// <summary>The first <c>errors[].code</c>, else <c>HTTP_&lt;status&gt;</c>.</summary>
    public string? ErrorCode => Errors.FirstOrDefault(e => !string.IsNullOrEmpty(e.Code))?.Code
        ?? (StatusCode is { } s ? "HTTP_" + (int)s : "NO_RESPONSE");

    public bool HasCode(string code) => Errors.Any(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));

    private static string Describe(HttpStatusCode? status, string method, string path, string? message, IReadOnlyList<SmartRecruitersError> errors)
    {
        var codes = string.Join(", ", errors.Select(e => e.Code).Where(c => !string.IsNullOrEmpty(c)));
        var detail = message ?? errors.FirstOrDefault()?.Message;
        var head = status is { } s ? $"SmartRecruiters {method} {path} answered {(int)s} {s}" : $"SmartRecruiters {method} {path} got no answer";
        return head + (codes.Length > 0 ? $" [{codes}]" : "") + (string.IsNullOrEmpty(detail) ? "" : ": " + detail);
    }
}
