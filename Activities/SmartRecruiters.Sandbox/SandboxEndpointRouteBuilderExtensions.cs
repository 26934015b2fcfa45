using SmartRecruiters.Sandbox.Admin;
using SmartRecruiters.Sandbox.Auth;
using SmartRecruiters.Sandbox.Candidates;
using SmartRecruiters.Sandbox.Configuration;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.Jobs;
using SmartRecruiters.Sandbox.Postings;
using SmartRecruiters.Sandbox.Vendor;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox;

/// <summary>Mounts the SmartRecruiters simulator's endpoints.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the API (same paths as api.smartrecruiters.com), the OAuth token endpoint, <c>_vendor/{vendor}/…</c> and the
    /// <c>_sandbox</c> admin endpoints under <paramref name="basePath"/> (e.g. <c>/sandbox</c>; empty for the root).
    /// </summary>
    public static RouteGroupBuilder MapSmartRecruitersSandbox(this IEndpointRouteBuilder endpoints, string basePath = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var normalized = string.IsNullOrWhiteSpace(basePath) || basePath == "/" ? "" : "/" + basePath.Trim().Trim('/');
        endpoints.ServiceProvider.GetRequiredService<SandboxPaths>().BasePath = normalized;

        var root = endpoints.MapGroup(normalized).WithTags("SmartRecruiters sandbox").ExcludeFromDescription();
        root.MapTokenEndpoint();
        root.MapVendorEndpoints();
        root.MapAdminEndpoints();

        var api = root.MapGroup("").AddEndpointFilter<ApiPipelineFilter>();
        api.MapUserEndpoints();
        api.MapJobEndpoints();
        api.MapConfigurationEndpoints();
        api.MapPostingEndpoints();
        api.MapCandidateEndpoints();
        api.MapApplicationEndpoints();
        api.MapTagEndpoints();
        api.MapAttachmentEndpoints();
        api.MapSubscriptionEndpoints();
        return root;
    }
}
