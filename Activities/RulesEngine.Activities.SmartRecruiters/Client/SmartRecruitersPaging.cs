using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;
using Refit;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>
/// Reads every page of SmartRecruiters' three pagination styles. None stops after the first 100 rows, and the
/// page-id styles follow the next page id even past an empty page; a page id seen twice or more pages than
/// <c>maxPages</c> stops with an error instead of looping forever.
/// </summary>
public static partial class SmartRecruitersPaging
{
    /// <summary><c>pageId</c> → <c>nextPageId</c> (<c>GET /jobs</c> with <c>sort=job_id</c>, <c>GET /candidates</c>).</summary>
    public static async Task<JsonArray> ReadAllByPageIdAsync(Func<string?, CancellationToken, Task<JsonObject>> fetchPage, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        var all = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageId = null;
        for (var page = 0; ; page++)
        {
            Guard(page, maxPages);
            var json = await fetchPage(pageId, cancellationToken).ConfigureAwait(false);
            AddContent(all, json["content"]);
            pageId = json["nextPageId"] is JsonValue v && v.TryGetValue<string>(out var next) && next.Length > 0 ? next : null;
            if (pageId is null)
            {
                return all;
            }

            if (!seen.Add(pageId))
            {
                throw new InvalidOperationException($"SmartRecruiters returned the page id '{pageId}' twice; stopping to avoid a loop.");
            }
        }
    }

    /// <summary><c>offset</c>/<c>limit</c> + <c>totalFound</c> (public postings, configuration sources).</summary>
    public static async Task<JsonArray> ReadAllByOffsetAsync(Func<int, int, CancellationToken, Task<JsonObject>> fetchPage, int pageSize, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        var all = new JsonArray();
        var offset = 0;
        for (var page = 0; ; page++)
        {
            Guard(page, maxPages);
            var json = await fetchPage(offset, pageSize, cancellationToken).ConfigureAwait(false);
            var count = AddContent(all, json["content"]);
            offset += count > 0 ? count : pageSize;
            var total = json["totalFound"] is JsonValue t && t.TryGetValue<int>(out var n) ? n : (int?)null;

            // With a total we read up to it (even past a short page); without one, a short page is the last.
            if (total is { } found ? offset >= found : count < pageSize)
            {
                return all;
            }
        }
    }

    /// <summary><c>page_id</c> + <c>Link: &lt;…&gt;; rel="next"</c> around a bare JSON array (webhook subscriptions).</summary>
    public static async Task<JsonArray> ReadAllByLinkAsync(Func<string?, CancellationToken, Task<IApiResponse<JsonArray>>> fetchPage, string pageIdParameter, int maxPages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        var all = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageId = null;
        for (var page = 0; ; page++)
        {
            Guard(page, maxPages);
            using var response = await fetchPage(pageId, cancellationToken).ConfigureAwait(false);
            if (response.Error is { } error)
            {
                throw error;
            }

            AddContent(all, response.Content);
            var link = response.Headers is { } headers && headers.TryGetValues("Link", out var values) ? string.Join(",", values) : null;
            pageId = NextPageId(link, pageIdParameter);
            if (pageId is null)
            {
                return all;
            }

            if (!seen.Add(pageId))
            {
                throw new InvalidOperationException($"SmartRecruiters returned the page id '{pageId}' twice; stopping to avoid a loop.");
            }
        }
    }

    /// <summary>The value of <paramref name="pageIdParameter"/> in the <c>rel="next"</c> URL of a Link header, or null.</summary>
    public static string? NextPageId(string? linkHeader, string pageIdParameter)
    {
        if (string.IsNullOrEmpty(linkHeader))
        {
            return null;
        }

        foreach (Match m in LinkPattern().Matches(linkHeader))
        {
            if (!m.Groups["params"].Value.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase)
                && !m.Groups["params"].Value.Contains("rel=next", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Uri.TryCreate(m.Groups["url"].Value, UriKind.Absolute, out var uri))
            {
                return HttpUtility.ParseQueryString(uri.Query)[pageIdParameter] is { Length: > 0 } id ? id : null;
            }
        }

        return null;
    }

    private static int AddContent(JsonArray all, JsonNode? content)
    {
        if (content is not JsonArray items)
        {
            return 0;
        }

        var count = items.Count;
        foreach (var item in items.ToList())
        {
            items.Remove(item);
            all.Add(item);
        }

        return count;
    }

    private static void Guard(int page, int maxPages)
    {
        if (page >= maxPages)
        {
            throw new InvalidOperationException($"SmartRecruiters pagination went past {maxPages} pages; stopping.");
        }
    }

    [GeneratedRegex("<(?<url>[^>]*)>(?<params>[^,]*)")]
    private static partial Regex LinkPattern();
}
