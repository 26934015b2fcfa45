using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartRecruiters.Sandbox.State;

namespace SmartRecruiters.Sandbox.Webhooks;

/// <summary>
/// Delivers queued webhooks in the background: one task per delivery (so a slow receiver delays nobody else),
/// retried on non-2xx along <see cref="WebhookOptions.RetrySchedule"/>, with the same event id on every attempt.
/// </summary>
internal sealed class WebhookDispatcher(
    WebhookQueue queue,
    SandboxStore store,
    IHttpClientFactory httpClientFactory,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "SmartRecruiters.Sandbox.Webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new HashSet<Task>();
        try
        {
            await foreach (var (id, generation) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                running.RemoveWhere(t => t.IsCompleted);
                running.Add(DeliverAsync(id, generation, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // host stopping
        }

        try
        {
            await Task.WhenAll(running);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // retries waiting for their next attempt are abandoned on shutdown
        }
    }

    private async Task DeliverAsync(string deliveryId, long generation, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var o = options.Value.Webhooks;
        for (var attempt = 0; ; attempt++)
        {
            if (store.Generation != generation)
            {
                return;
            }

            var snapshot = store.Read(s =>
            {
                var d = s.Deliveries.FirstOrDefault(x => x.Id == deliveryId);
                var sub = d is null ? null : s.Subscriptions.FirstOrDefault(x => x.Id == d.SubscriptionId);
                if (d is null || sub is null)
                {
                    return null;
                }

                var now = time.GetUtcNow();
                var keys = sub.SecretKeys.Where(k => k.ExpiresOn is null || k.ExpiresOn > now).Select(k => k.Key).ToList();
                return new { d.CallbackUrl, d.Body, d.Link, d.EventId, d.EventName, d.EventVersion, d.Origin, Keys = keys, Auth = sub.CallbackAuthentication?.DeepClone().AsObject() };
            });
            if (snapshot is null)
            {
                return;
            }

            var timestamp = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, snapshot.CallbackUrl)
            {
                Content = new StringContent(snapshot.Body, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("event-name", snapshot.EventName);
            request.Headers.TryAddWithoutValidation("event-version", snapshot.EventVersion);
            request.Headers.TryAddWithoutValidation("event-id", snapshot.EventId);
            request.Headers.TryAddWithoutValidation("Link", snapshot.Link);
            request.Headers.TryAddWithoutValidation("smartrecruiters-timestamp", timestamp);
            if (snapshot.Keys.Count > 0)
            {
                request.Headers.TryAddWithoutValidation("smartrecruiters-signature",
                    WebhookSigner.Header(snapshot.Keys, timestamp, snapshot.Body, snapshot.EventId, snapshot.EventName, snapshot.EventVersion, snapshot.Link));
            }

            if (snapshot.Origin is not null)
            {
                request.Headers.TryAddWithoutValidation(o.OriginHeader, snapshot.Origin);
            }

            ApplyCallbackAuthentication(request, snapshot.Auth);

            int? status = null;
            string? failure = null;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(o.CallbackTimeout);
                using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Any failure (unreachable host, timeout, bad URL) counts as a failed attempt, as for the real service.
                failure = ex.GetType().Name + ": " + ex.Message;
            }

            var success = status is >= 200 and < 300;
            var gaveUp = !success && attempt >= o.RetrySchedule.Count;
            // Kept for the callbacks log and state dumps, so callback credentials are left out.
            var authHeader = snapshot.Auth?["headerName"]?.GetValue<string>();
            var sentHeaders = request.Headers
                .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(h.Key, authHeader, StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            store.Write(s =>
            {
                if (s.Deliveries.FirstOrDefault(x => x.Id == deliveryId) is { } d)
                {
                    d.Attempts = attempt + 1;
                    d.LastStatusCode = status;
                    d.LastError = failure;
                    d.LastAttemptOn = time.GetUtcNow();
                    d.LastRequestHeaders = sentHeaders;
                    d.Status = success ? "successful" : gaveUp ? "failed" : "pending";
                }

                return 0;
            });
            Log.DeliveryAttempt(logger, snapshot.EventName, snapshot.EventId, attempt + 1, status ?? 0);
            if (success || gaveUp)
            {
                return;
            }

            await Task.Delay(o.RetrySchedule[attempt], time, cancellationToken);
        }
    }

    private static void ApplyCallbackAuthentication(HttpRequestMessage request, System.Text.Json.Nodes.JsonObject? auth)
    {
        switch (auth?["type"]?.GetValue<string>())
        {
            case "basic":
                var pair = $"{auth["username"]?.GetValue<string>()}:{auth["password"]?.GetValue<string>()}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
                break;
            case "header":
                if (auth["headerName"]?.GetValue<string>() is { Length: > 0 } name)
                {
                    request.Headers.TryAddWithoutValidation(name, auth["headerValue"]?.GetValue<string>() ?? "");
                }

                break;
        }
    }
}
