using System.ComponentModel.DataAnnotations;
using SmartRecruiters.Sandbox.RateLimiting;
using SmartRecruiters.Sandbox.Webhooks;

namespace SmartRecruiters.Sandbox;

/// <summary>Settings of the SmartRecruiters simulator.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "SmartRecruitersSandbox";

    /// <summary>The value <c>X-SmartToken</c> must carry.</summary>
    /// <value>Default <c>sandbox-key</c>.</value>
    [Required]
    public string ApiKey { get; set; } = "sandbox-key";

    /// <summary>OAuth client-credentials client id accepted by <c>POST /identity/oauth/token</c>.</summary>
    /// <value>Default <c>sandbox-client</c>.</value>
    [Required]
    public string OAuthClientId { get; set; } = "sandbox-client";

    /// <summary>OAuth client secret.</summary>
    /// <value>Default <c>sandbox-secret</c>.</value>
    [Required]
    public string OAuthClientSecret { get; set; } = "sandbox-secret";

    /// <summary>Lifetime of issued access tokens.</summary>
    /// <value>Default 30 minutes (the real API's <c>expires_in</c> is 1800).</value>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Company identifier of the default seed (case-sensitive in the postings API).</summary>
    /// <value>Default <c>AcmeCorp</c>.</value>
    [Required]
    public string CompanyIdentifier { get; set; } = "AcmeCorp";

    /// <summary>Company display name of the default seed.</summary>
    /// <value>Default <c>Acme Corp</c>.</value>
    public string CompanyName { get; set; } = "Acme Corp";

    /// <summary>Optional JSON file with a state dump to seed from instead of the generated tenant.</summary>
    /// <value>Default null (generated seed).</value>
    public string? SeedFile { get; set; }

    /// <summary>Attachments allowed per candidate before 422 <c>ATTACHMENT_LIMIT_EXCEEDED</c>.</summary>
    /// <value>Default 20.</value>
    [Range(1, 10_000)]
    public int MaxAttachmentsPerCandidate { get; set; } = 20;

    /// <summary>Largest accepted attachment; larger files get 400 <c>INVALID_FILE</c>.</summary>
    /// <value>Default 10 MiB.</value>
    [Range(1, int.MaxValue)]
    public int MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Status code answered by <c>_vendor/{vendor}/…</c>, per vendor name (case-insensitive); others get 200.</summary>
    public Dictionary<string, int> VendorStatusCodes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seed of the random generator that decides injected 5xx faults, so fault runs are repeatable.</summary>
    /// <value>Default 12345.</value>
    public int FaultRandomSeed { get; set; } = 12345;

    /// <summary>Rate limits per credential.</summary>
    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Webhook delivery behaviour.</summary>
    public WebhookOptions Webhooks { get; set; } = new();
}
