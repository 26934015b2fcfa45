using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>One candidate's details.</summary>
[Activity("SmartRecruiters.GetCandidate", Category = SmartRecruitersActivity.Category, DisplayName = "Get candidate",
    Description = "Reads one candidate: personal details, tags, education, experience and assignments.")]
public sealed class GetCandidate(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "The candidate id.", Required = true)]
    public Input<string> CandidateId { get; set; } = new();

    [Output(Description = "The candidate details.")]
    public Output<JsonObject> Candidate { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken) =>
        context.Set(Candidate, await client.Candidates.GetAsync(Required.Text(context.Get(CandidateId), "candidateId"), cancellationToken).ConfigureAwait(false));
}
