using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SmartRecruiters.Sandbox.Http;
using SmartRecruiters.Sandbox.State;

namespace SmartRecruiters.Sandbox.Webhooks;

/// <summary>Turns a state change into one delivery per matching active subscription and queues them.</summary>
internal sealed class WebhookPublisher(SandboxStore store, SandboxPaths paths, WebhookQueue queue, IOptions<SandboxOptions> options, TimeProvider time)
{
    public void PublishJob(HttpContext context, string eventName, string jobId) =>
        Publish(context, eventName, new JsonObject { ["id"] = jobId }, $"/jobs/{jobId}");

    public void PublishCandidate(HttpContext context, string eventName, string candidateId) =>
        Publish(context, eventName, new JsonObject { ["id"] = candidateId }, $"/candidates/{candidateId}");

    public void PublishApplication(HttpContext context, string eventName, string jobId, string candidateId, string applicationId, string? attachmentId = null)
    {
        var body = new JsonObject { ["job_id"] = jobId, ["candidate_id"] = candidateId, ["application_id"] = applicationId };
        if (attachmentId is not null)
        {
            body["attachment_id"] = attachmentId;
        }

        Publish(context, eventName, body, $"/candidates/{candidateId}/jobs/{jobId}");
    }

    private void Publish(HttpContext context, string eventName, JsonObject payload, string relativeLink)
    {
        var origin = context.Request.Headers[options.Value.Webhooks.OriginHeader].ToString();
        var body = payload.ToJsonString();
        var link = $"<{paths.ApiBase(context)}{relativeLink}>; rel=self";
        var eventId = Guid.NewGuid().ToString();
        var now = time.GetUtcNow();
        var generation = store.Generation;
        var ids = store.Write(s =>
        {
            var created = new List<string>();
            foreach (var sub in s.Subscriptions.Where(x => x.Status == "active"))
            {
                var match = sub.Events.FirstOrDefault(e => e.Name == eventName);
                if (match is null)
                {
                    continue;
                }

                var delivery = new DeliveryRecord
                {
                    Id = Guid.NewGuid().ToString(),
                    EventId = eventId,
                    EventName = eventName,
                    EventVersion = match.Version,
                    SubscriptionId = sub.Id,
                    CallbackUrl = sub.CallbackUrl,
                    Body = body,
                    Link = link,
                    Origin = origin.Length > 0 ? origin : null,
                    CreatedOn = now,
                };
                s.Deliveries.Add(delivery);
                created.Add(delivery.Id);
            }

            return created;
        });
        foreach (var id in ids)
        {
            queue.Enqueue(id, generation);
        }
    }
}
