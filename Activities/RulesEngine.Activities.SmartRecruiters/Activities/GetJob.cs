using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>One job's details.</summary>
[Activity("SmartRecruiters.GetJob", Category = SmartRecruitersActivity.Category, DisplayName = "Get job",
    Description = "Reads one job's details (title, status, department, location, job ad, actions).")]
public sealed class GetJob(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "The job id.", Required = true)]
    public Input<string> JobId { get; set; } = new();

    [Output(Description = "The job details.")]
    public Output<JsonObject> Job { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var jobId = Required.Text(context.Get(JobId), "jobId");
        context.Set(Job, await client.Jobs.GetJobAsync(jobId, cancellationToken).ConfigureAwait(false));
    }
}
