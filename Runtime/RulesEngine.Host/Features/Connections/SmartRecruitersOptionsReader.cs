using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Host.Features.SmartRecruiters;

namespace RulesEngine.Host.Features.Connections;

/// <summary>
/// Reads the picker values of a tenant's SmartRecruiters connection: sub-statuses from
/// <c>GET /configuration/hiring-processes</c> (active processes, merged in their order) and jobs from <c>GET /jobs</c>
/// (every page, through the shared client so the connection's rate limits hold).
/// </summary>
internal sealed class SmartRecruitersOptionsReader(TenantSmartRecruitersConnections connections, ISmartRecruitersClientFactory clients)
{
    /// <summary>SmartRecruiters' candidate statuses (<c>CandidateStatusEnum</c>), in the order of the hiring pipeline.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["LEAD", "NEW", "IN_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN", "TRANSFERRED"];

    /// <summary>The options, or null when the tenant has no SmartRecruiters connection of that name.</summary>
    public async Task<SmartRecruitersOptions?> ReadAsync(string tenantId, string connectionName, CancellationToken cancellationToken)
    {
        var connection = await connections.FindAsync(tenantId, connectionName, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return null;
        }

        var client = clients.GetClient(connection);
        var processes = await client.Jobs.ListHiringProcessesAsync(cancellationToken).ConfigureAwait(false);
        var jobs = await client.FetchAllJobsAsync(null, null, null, null, null, cancellationToken).ConfigureAwait(false);
        return new SmartRecruitersOptions(Statuses, SubStatuses(processes), Jobs(jobs));
    }

    private static Dictionary<string, IReadOnlyList<string>> SubStatuses(JsonObject processes)
    {
        var merged = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var process in (processes["content"] as JsonArray ?? []).OfType<JsonObject>())
        {
            // An inactive process cannot receive candidates, so its sub-statuses are no use in a filter.
            if (process["active"] is JsonValue active && active.TryGetValue<bool>(out var isActive) && !isActive)
            {
                continue;
            }

            foreach (var (status, names) in process["subStatuses"] as JsonObject ?? [])
            {
                if (!merged.TryGetValue(status, out var list))
                {
                    merged[status] = list = [];
                }

                foreach (var name in (names as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>())
                {
                    if (!list.Contains(name, StringComparer.Ordinal))
                    {
                        list.Add(name);
                    }
                }
            }
        }

        return merged.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
    }

    private static List<JobOption> Jobs(JsonArray jobs) =>
        [.. jobs.OfType<JsonObject>()
            .Select(j => new JobOption(j["id"]?.GetValue<string>() ?? string.Empty, j["title"]?.GetValue<string>() ?? string.Empty))
            .Where(j => j.Id.Length > 0)
            .OrderBy(j => j.Title, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(j => j.Id, StringComparer.Ordinal)];
}
