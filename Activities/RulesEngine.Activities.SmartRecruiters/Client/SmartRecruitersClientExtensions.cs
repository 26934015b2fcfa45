using System.Globalization;
using System.Text.Json.Nodes;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>All-pages reads over the Refit interfaces.</summary>
public static class SmartRecruitersClientExtensions
{
    /// <summary>Every job matching the filters (<c>pageId</c> paging with <c>sort=job_id</c>).</summary>
    public static Task<JsonArray> FetchAllJobsAsync(this ISmartRecruitersClient client, string? q, string? status, string? postingStatus,
        string[]? departments, DateTimeOffset? updatedAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var after = Iso(updatedAfter);
        return SmartRecruitersPaging.ReadAllByPageIdAsync(
            (pageId, ct) => client.Jobs.ListJobsAsync(Empty(q), client.Options.PageSize, pageId, "job_id", after, Empty(status), Empty(postingStatus),
                departments is { Length: > 0 } ? departments : null, ct),
            client.Options.MaxPages, cancellationToken);
    }

    /// <summary>Every candidate matching the filters (one request in flight per credential).</summary>
    public static Task<JsonArray> SearchAllCandidatesAsync(this ISmartRecruitersClient client, string? q, string[]? jobIds, string[]? statuses,
        string? subStatus, string[]? tags, DateTimeOffset? updatedAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var after = Iso(updatedAfter);
        return SmartRecruitersPaging.ReadAllByPageIdAsync(
            (pageId, ct) => client.Candidates.SearchAsync(Empty(q), client.Options.PageSize, pageId, NullIfEmpty(jobIds), NullIfEmpty(statuses), Empty(subStatus),
                NullIfEmpty(tags), after, ct),
            client.Options.MaxPages, cancellationToken);
    }

    /// <summary>Every public posting of a company (identifier is case-sensitive).</summary>
    public static Task<JsonArray> FetchAllPostingsAsync(this ISmartRecruitersClient client, string companyIdentifier, string? q, string? destination, string? department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return SmartRecruitersPaging.ReadAllByOffsetAsync(
            (offset, limit, ct) => client.Postings.ListAsync(companyIdentifier, Empty(q), limit, offset, Empty(destination), Empty(department), ct),
            client.Options.PageSize, client.Options.MaxPages, cancellationToken);
    }

    /// <summary>Every value of a source type (<c>offset</c> paging).</summary>
    public static Task<JsonArray> FetchAllSourceValuesAsync(this ISmartRecruitersClient client, string sourceType, string? sourceSubType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return SmartRecruitersPaging.ReadAllByOffsetAsync(
            (offset, limit, ct) => client.Jobs.ListSourceValuesAsync(sourceType, Empty(sourceSubType), limit, offset, ct),
            client.Options.PageSize, client.Options.MaxPages, cancellationToken);
    }

    /// <summary>Every webhook subscription of the credential (<c>page_id</c> + Link paging).</summary>
    public static Task<JsonArray> FetchAllSubscriptionsAsync(this ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return SmartRecruitersPaging.ReadAllByLinkAsync(
            (pageId, ct) => client.Webhooks.ListAsync(pageId, client.Options.PageSize, ct), "page_id", client.Options.MaxPages, cancellationToken);
    }

    internal static string? Iso(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Empty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string[]? NullIfEmpty(string[]? values) => values is { Length: > 0 } ? values : null;
}
