namespace SmartRecruiters.Sandbox.Http;

/// <summary>Where the sandbox is mounted, so that <c>actions</c> links and webhook <c>Link</c> headers are absolute.</summary>
internal sealed class SandboxPaths
{
    public string BasePath { get; set; } = "";

    public string ApiBase(HttpContext context) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{BasePath}";
}
