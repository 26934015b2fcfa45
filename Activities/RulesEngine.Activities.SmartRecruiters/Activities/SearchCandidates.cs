using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>Candidates by e-mail, job, status, tag or update time, all pages.</summary>
[Activity("SmartRecruiters.SearchCandidates", Category = SmartRecruitersActivity.Category, DisplayName = "Search candidates",
    Description = "Finds candidates (with at least one application) by e-mail, job, status, tag or update time; all pages.")]
public sealed class SearchCandidates(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "Exact e-mail address (sent in double quotes, as SmartRecruiters requires for an exact match).")]
    public Input<string> Email { get; set; } = new();

    [Input(Description = "Free-text query (ignored when an e-mail is given).")]
    public Input<string> Q { get; set; } = new();

    [Input(Description = "Job id(s) the candidates applied to: a list or comma-separated text.", UiHint = UiHints.List)]
    public Input<object> JobId { get; set; } = new();

    [Input(Description = "Application status(es): LEAD, NEW, IN_REVIEW, INTERVIEW, OFFERED, HIRED, REJECTED, WITHDRAWN, TRANSFERRED.", UiHint = UiHints.List)]
    public Input<object> Status { get; set; } = new();

    [Input(Description = "Sub-status of the application.")]
    public Input<string> SubStatus { get; set; } = new();

    [Input(Description = "Tag(s): candidates having any of them.", UiHint = UiHints.List)]
    public Input<object> Tag { get; set; } = new();

    [Input(Description = "Only candidates updated after this ISO 8601 date-time.")]
    public Input<string> UpdatedAfter { get; set; } = new();

    [Output(Description = "The matching candidates (list items).")]
    public Output<JsonArray> Candidates { get; set; } = new();

    [Output(Description = "How many candidates matched.")]
    public Output<int> Count { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var email = context.Get(Email)?.Trim().Trim('"');
        var q = string.IsNullOrEmpty(email) ? context.Get(Q) : "\"" + email + "\"";
        var candidates = await client.SearchAllCandidatesAsync(q, InputValues.Strings(context.Get(JobId)), InputValues.Strings(context.Get(Status)),
            context.Get(SubStatus), InputValues.Strings(context.Get(Tag)), InputValues.Date(context.Get(UpdatedAfter), "updatedAfter"), cancellationToken).ConfigureAwait(false);
        context.Set(Candidates, candidates);
        context.Set(Count, candidates.Count);
    }
}
