using System.Text.Json.Nodes;
using Refit;

namespace RulesEngine.Activities.SmartRecruiters.Client;

/// <summary>Webhook subscriptions (<c>/webhooks-api/v201907</c>).</summary>
public interface ISmartRecruitersWebhooksApi
{
    [Post("/webhooks-api/v201907/subscriptions")]
    Task<JsonObject> CreateAsync([Body(buffered: true)] JsonObject subscription, CancellationToken cancellationToken);

    /// <summary>A bare JSON array; the next page is named by <c>Link: &lt;…page_id=…&gt;; rel="next"</c>.</summary>
    [Get("/webhooks-api/v201907/subscriptions")]
    Task<IApiResponse<JsonArray>> ListAsync([Query, AliasAs("page_id")] string? pageId, [Query] int? limit, CancellationToken cancellationToken);

    [Get("/webhooks-api/v201907/subscriptions/{id}")]
    Task<JsonObject> GetAsync(string id, CancellationToken cancellationToken);

    [Delete("/webhooks-api/v201907/subscriptions/{id}")]
    Task DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>SmartRecruiters then POSTs <c>X-Hook-Secret</c> to the callback, which must echo it.</summary>
    [Put("/webhooks-api/v201907/subscriptions/{id}/activation")]
    Task ActivateAsync(string id, CancellationToken cancellationToken);

    [Post("/webhooks-api/v201907/subscriptions/{id}/secret-key")]
    Task<JsonObject> CreateSecretKeyAsync(string id, CancellationToken cancellationToken);

    [Get("/webhooks-api/v201907/subscriptions/{id}/secret-key")]
    Task<JsonObject> GetSecretKeyAsync(string id, CancellationToken cancellationToken);
}
