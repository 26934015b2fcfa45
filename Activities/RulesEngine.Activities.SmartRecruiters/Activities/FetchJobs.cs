using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>Every job matching the filters, all pages.</summary>
[Activity("SmartRecruiters.FetchJobs", Category = SmartRecruitersActivity.Category, DisplayName = "Fetch jobs",
    Description = "Lists every SmartRecruiters job matching the filters (all pages, 100 per call, within the rate limit).")]
public sealed class FetchJobs(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "Full-text search in job title and reference number.")]
    public Input<string> Q { get; set; } = new();

    [Input(Description = "Job status filter.", UiHint = UiHints.Dropdown, Options = ["", "CREATED", "SOURCING", "FILLED", "INTERVIEW", "OFFER", "CANCELLED", "ON_HOLD"])]
    public Input<string> Status { get; set; } = new();

    [Input(Description = "Posting status filter.", UiHint = UiHints.Dropdown, Options = ["", "PUBLIC", "INTERNAL", "NOT_PUBLISHED", "PRIVATE"])]
    public Input<string> PostingStatus { get; set; } = new();

    [Input(Description = "Department label(s): a list or comma-separated text.", UiHint = UiHints.List)]
    public Input<object> Department { get; set; } = new();

    [Input(Description = "Only jobs updated after this ISO 8601 date-time (incremental sync).")]
    public Input<string> UpdatedAfter { get; set; } = new();

    [Output(Description = "The jobs (list items as SmartRecruiters returns them).")]
    public Output<JsonArray> Jobs { get; set; } = new();

    [Output(Description = "How many jobs were fetched.")]
    public Output<int> Count { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var jobs = await client.FetchAllJobsAsync(context.Get(Q), context.Get(Status), context.Get(PostingStatus),
            InputValues.Strings(context.Get(Department)), InputValues.Date(context.Get(UpdatedAfter), "updatedAfter"), cancellationToken).ConfigureAwait(false);
        context.Set(Jobs, jobs);
        context.Set(Count, jobs.Count);
    }
}
