using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>A company's public postings, all pages, optionally with each posting's details.</summary>
[Activity("SmartRecruiters.FetchPostings", Category = SmartRecruitersActivity.Category, DisplayName = "Fetch postings",
    Description = "Lists a company's public job postings (no API key needed; all pages), optionally with each posting's details.")]
public sealed class FetchPostings(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "Company identifier as in the careers URL (case-sensitive). Empty: the connection's.")]
    public Input<string> CompanyIdentifier { get; set; } = new();

    [Input(Description = "Full-text search in the postings.")]
    public Input<string> Q { get; set; } = new();

    [Input(Description = "PUBLIC, INTERNAL or INTERNAL_OR_PUBLIC.", UiHint = UiHints.Dropdown, Options = ["", "PUBLIC", "INTERNAL", "INTERNAL_OR_PUBLIC"])]
    public Input<string> Destination { get; set; } = new();

    [Input(Description = "Department id filter.")]
    public Input<string> Department { get; set; } = new();

    [Input(Description = "Also fetch each posting's details (job ad sections, apply URL): one more call per posting.")]
    public Input<bool> IncludeDetails { get; set; } = new(false);

    [Output(Description = "The postings (with details when asked).")]
    public Output<JsonArray> Postings { get; set; } = new();

    [Output(Description = "How many postings were fetched.")]
    public Output<int> Count { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var company = context.Get(CompanyIdentifier) is { Length: > 0 } c ? c.Trim() : client.Connection.CompanyIdentifier;
        company = Required.Text(company, "companyIdentifier");
        var postings = await client.FetchAllPostingsAsync(company, context.Get(Q), context.Get(Destination), context.Get(Department), cancellationToken).ConfigureAwait(false);
        if (context.Get(IncludeDetails))
        {
            var detailed = new JsonArray();
            foreach (var posting in postings.OfType<JsonObject>().ToList())
            {
                var id = posting["id"]?.ToString() ?? posting["uuid"]?.ToString();
                detailed.Add(id is null ? posting.DeepClone() : await client.Postings.GetAsync(company, id, cancellationToken).ConfigureAwait(false));
            }

            postings = detailed;
        }

        context.Set(Postings, postings);
        context.Set(Count, postings.Count);
    }
}
