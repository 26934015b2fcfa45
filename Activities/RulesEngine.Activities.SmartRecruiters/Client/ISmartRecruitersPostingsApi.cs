using System.Text.Json.Nodes;
using Refit;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Public postings (no credential). The company identifier is case-sensitive.</summary>
public interface ISmartRecruitersPostingsApi
{
    /// <summary>Paged with <c>offset</c>/<c>limit</c> and <c>totalFound</c>.</summary>
    [Get("/v1/companies/{companyIdentifier}/postings")]
    Task<JsonObject> ListAsync(string companyIdentifier, [Query] string? q, [Query] int? limit, [Query] int? offset, [Query] string? destination, [Query] string? department, CancellationToken cancellationToken);

    [Get("/v1/companies/{companyIdentifier}/postings/{postingId}")]
    Task<JsonObject> GetAsync(string companyIdentifier, string postingId, CancellationToken cancellationToken);
}
