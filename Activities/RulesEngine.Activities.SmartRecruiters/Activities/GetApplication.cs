using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>A candidate's application to a job (status, sub-status, source).</summary>
[Activity("SmartRecruiters.GetApplication", Category = SmartRecruitersActivity.Category, DisplayName = "Get application",
    Description = "Reads a candidate's application to a job: status, sub-status, source and reasons.")]
public sealed class GetApplication(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "The candidate id.", Required = true)]
    public Input<string> CandidateId { get; set; } = new();

    [Input(Description = "The job id.", Required = true)]
    public Input<string> JobId { get; set; } = new();

    [Output(Description = "The application.")]
    public Output<JsonObject> Application { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var candidateId = Required.Text(context.Get(CandidateId), "candidateId");
        var jobId = Required.Text(context.Get(JobId), "jobId");
        context.Set(Application, await client.Candidates.GetApplicationAsync(candidateId, jobId, cancellationToken).ConfigureAwait(false));
    }
}
