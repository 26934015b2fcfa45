using System.Text.Json.Nodes;

namespace RulesEngine.Activities.SmartRecruiters.Webhooks;

/// <summary>A webhook subscription as SmartRecruiters lists it.</summary>
public sealed record WebhookSubscription(string Id, string? CallbackUrl, IReadOnlyList<string> Events, string? Status)
{
    public bool IsActive => string.Equals(Status, "active", StringComparison.OrdinalIgnoreCase);

    internal static WebhookSubscription From(JsonObject json) => new(
        json["id"]?.ToString() ?? "",
        json["callbackUrl"]?.ToString(),
        [.. (json["events"] as JsonArray ?? []).Select(e => e is JsonObject o ? o["name"]?.ToString() ?? "" : e?.ToString() ?? "").Where(e => e.Length > 0)],
        json["status"]?.ToString());
}
