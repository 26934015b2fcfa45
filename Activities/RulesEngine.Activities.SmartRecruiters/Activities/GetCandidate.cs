using System.Text.Json.Nodes;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>One candidate's details, optionally with the documents of their applications.</summary>
[Activity("SmartRecruiters.GetCandidate", Category = SmartRecruitersActivity.Category, DisplayName = "Get candidate",
    Description = "Reads one candidate: personal details, tags, education, experience and assignments; optionally their documents.")]
public sealed class GetCandidate(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    [Input(Description = "The candidate id.", Required = true)]
    public Input<string> CandidateId { get; set; } = new();

    [Input(Description = "Also list the documents of the candidate's applications as 'attachments' (id, name, type, contentType, jobId): one call per application.")]
    public Input<bool> IncludeAttachments { get; set; } = new(false);

    [Input(Description = "Documents of these types (RESUME, COVER_LETTER, GENERIC_FILE) also carry their file as 'contentBase64': one call per file.", UiHint = UiHints.List)]
    public Input<object> DownloadAttachmentTypes { get; set; } = new();

    [Output(Description = "The candidate details.")]
    public Output<JsonObject> Candidate { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var id = Required.Text(context.Get(CandidateId), "candidateId");
        var candidate = await client.Candidates.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (context.Get(IncludeAttachments))
        {
            var download = InputValues.Strings(context.Get(DownloadAttachmentTypes)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            candidate["attachments"] = await AttachmentsAsync(client, id, candidate, download, cancellationToken).ConfigureAwait(false);
        }

        context.Set(Candidate, candidate);
    }

    private static async Task<JsonArray> AttachmentsAsync(ISmartRecruitersClient client, string candidateId, JsonObject candidate, HashSet<string> download, CancellationToken cancellationToken)
    {
        // Documents hang off applications (the candidate-level list is deprecated), so read them per assignment.
        var jobIds = new[] { candidate["primaryAssignment"] }
            .Concat(candidate["secondaryAssignments"] as JsonArray ?? [])
            .Select(a => a?["job"]?["id"]?.ToString())
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var jobId in jobIds)
        {
            var page = await client.Candidates.ListAttachmentsAsync(candidateId, jobId, cancellationToken).ConfigureAwait(false);
            foreach (var item in (page["content"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var attachment = new JsonObject
                {
                    ["id"] = item["id"]?.DeepClone(),
                    ["name"] = item["name"]?.DeepClone(),
                    ["type"] = item["type"]?.DeepClone(),
                    ["contentType"] = item["contentType"]?.DeepClone(),
                    ["jobId"] = jobId,
                };
                if (download.Contains(item["type"]?.ToString() ?? "") && item["id"]?.ToString() is { Length: > 0 } attachmentId)
                {
                    await using var file = await client.Candidates.DownloadAttachmentAsync(attachmentId, cancellationToken).ConfigureAwait(false);
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    attachment["contentBase64"] = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
                }

                result.Add(attachment);
            }
        }

        return result;
    }
}
