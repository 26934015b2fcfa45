using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RulesEngine.Activities.SmartRecruiters.Client;
using RulesEngine.Activities.SmartRecruiters.Connections;
using RulesEngine.Core.Sdk;

namespace RulesEngine.Activities.SmartRecruiters.Activities;

/// <summary>
/// Adds tags to a candidate and keeps every other tag: reads the current tags, then POSTs (adds) only the missing ones.
/// Never a PUT, which would replace the tags that other integrations or recruiters set.
/// </summary>
[Activity("SmartRecruiters.ApplyTag", HasSideEffects = true, Category = SmartRecruitersActivity.Category, DisplayName = "Apply tag",
    Description = "Adds tags to a candidate, keeping all existing tags; does nothing when they are already there.")]
public sealed class ApplyTag(ISmartRecruitersClientFactory clients, ISmartRecruitersConnectionProvider connections) : SmartRecruitersActivity(clients, connections)
{
    public const int MaxTagLength = 50;
    public const int MaxTags = 100;

    [Input(Description = "The candidate id.", Required = true)]
    public Input<string> CandidateId { get; set; } = new();

    [Input(Description = "Tag(s) to add (each at most 50 characters): a list or comma-separated text.", UiHint = UiHints.List, Required = true)]
    public Input<object> Tags { get; set; } = new();

    [Output(Description = "The candidate's tags afterwards.")]
    public Output<JsonArray> AllTags { get; set; } = new();

    [Output(Description = "The tags this run added (empty when all were already there).")]
    public Output<JsonArray> Added { get; set; } = new();

    protected override async ValueTask ExecuteAsync(ActivityContext context, ISmartRecruitersClient client, CancellationToken cancellationToken)
    {
        var id = Required.Text(context.Get(CandidateId), "candidateId");
        var wanted = Validate(InputValues.Strings(context.Get(Tags)));

        var current = await client.Candidates.GetTagsAsync(id, cancellationToken).ConfigureAwait(false);
        var existing = InputValues.Strings(current["tags"]).ToList();

        // SmartRecruiters treats tags case-insensitively in search; adding "java" next to "Java" would only add noise.
        var missing = wanted.Where(t => !existing.Contains(t, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (existing.Count + missing.Count > MaxTags)
        {
            throw new SmartRecruitersValidationException("TOO_MANY_TAGS", $"Candidate {id} has {existing.Count} tags; adding {missing.Count} would pass the limit of {MaxTags}.");
        }

        if (missing.Count == 0)
        {
            Log.Unchanged(context.Logger, "ApplyTag", id);
        }
        else
        {
            var after = await client.Candidates.AddTagsAsync(id, new CandidateTags(missing), cancellationToken).ConfigureAwait(false);
            existing = after["tags"] is JsonArray ? [.. InputValues.Strings(after["tags"])] : [.. existing, .. missing];
        }

        context.Set(AllTags, new JsonArray([.. existing.Select(t => (JsonNode)t)]));
        context.Set(Added, new JsonArray([.. missing.Select(t => (JsonNode)t)]));
    }

    /// <summary>Every tag is checked before any call, so that a bad tag never leaves half the work done.</summary>
    internal static string[] Validate(string[] tags)
    {
        if (tags.Length == 0)
        {
            throw new SmartRecruitersValidationException("MISSING_INPUT", "Input 'tags' needs at least one tag.");
        }

        var tooLong = tags.Where(t => t.Length > MaxTagLength).ToList();
        if (tooLong.Count > 0)
        {
            throw new SmartRecruitersValidationException("TAG_TOO_LONG",
                $"SmartRecruiters tags are at most {MaxTagLength} characters; too long: {string.Join(", ", tooLong.Select(t => $"'{t}' ({t.Length})"))}.");
        }

        return tags;
    }
}
