using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>A hiring process (sub-statuses per main status), or all of them.</summary>
[Activity("SmartRecruiters.GetHiringProcess", Category = SmartRecruitersActivity.Category, DisplayName = "Get hiring process",
    Description = "Reads a hiring process and its sub-statuses for IN_REVIEW, INTERVIEW and OFFERED; without an id, lists all.")]
public sealed class GetHiringProcess(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "The hiring process id; empty to list every hiring process.")]
    public Input<string> HiringProcessId { get; set; } = new();

    [Output(Description = "The hiring process (when an id was given).")]
    public Output<JsonObject> HiringProcess { get; set; } = new();

    [Output(Description = "Every hiring process (when no id was given).")]
    public Output<JsonArray> HiringProcesses { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        if (context.Get(HiringProcessId) is { Length: > 0 } id)
        {
            context.Set(HiringProcess, await client.Jobs.GetHiringProcessAsync(id.Trim(), cancellationToken).ConfigureAwait(false));
            return;
        }

        var all = await client.Jobs.ListHiringProcessesAsync(cancellationToken).ConfigureAwait(false);
        context.Set(HiringProcesses, all["content"] as JsonArray ?? []);
    }
}
