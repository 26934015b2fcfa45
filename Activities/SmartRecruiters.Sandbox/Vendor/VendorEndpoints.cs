using System.Text;
using Microsoft.Extensions.Options;

namespace SmartRecruiters.Sandbox.Vendor;

/// <summary>A catch-all stand-in for vendor systems (HRIS, assessment tools…) that workflows call out to.</summary>
internal static class VendorEndpoints
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    private static readonly string[] SecretHeaders = ["Authorization", "Proxy-Authorization", "Cookie", "X-SmartToken", "X-Api-Key", "Api-Key", "X-Hook-Secret"];

    public static void MapVendorEndpoints(this IEndpointRouteBuilder root)
    {
        root.MapMethods("/_vendor/{vendor}/{**path}", Methods, RecordAsync).WithName("SandboxVendorCatchAll").DisableAntiforgery();
    }

    public static bool IsSecret(string header) =>
        SecretHeaders.Contains(header, StringComparer.OrdinalIgnoreCase)
        || header.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || header.Contains("token", StringComparison.OrdinalIgnoreCase)
        || header.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static async Task<IResult> RecordAsync(string vendor, string? path, HttpContext context, VendorRecorder recorder, IOptions<SandboxOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var headers = context.Request.Headers
            .Where(h => !IsSecret(h.Key))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        recorder.Record(new VendorRequest(Guid.NewGuid().ToString(), vendor, context.Request.Method, "/" + (path ?? ""),
            context.Request.QueryString.Value ?? "", headers, body, time.GetUtcNow()));

        if (recorder.ResponseFor(vendor) is { } configured)
        {
            return Results.Content(configured.Body ?? "{\"ok\":" + (configured.Status < 400 ? "true" : "false") + "}", "application/json", Encoding.UTF8, configured.Status);
        }

        if (options.Value.VendorStatusCodes.TryGetValue(vendor, out var status))
        {
            return Results.Json(new { ok = status < 400 }, statusCode: status);
        }

        return Results.Json(new { ok = true });
    }
}
