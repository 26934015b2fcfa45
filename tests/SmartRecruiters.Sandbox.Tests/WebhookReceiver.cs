using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmartRecruiters.Sandbox.Tests;

/// <summary>A tiny real Kestrel receiver: answers the handshake (optionally wrongly) and records deliveries.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statusPlan = new();
    private readonly List<ReceivedDelivery> _unmatched = [];

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public bool EchoSecret { get; set; } = true;

    public Channel<ReceivedDelivery> Deliveries { get; } = Channel.CreateUnbounded<ReceivedDelivery>();

    /// <summary>Status codes for the next deliveries (then 202).</summary>
    public void Plan(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _statusPlan.Enqueue(s);
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        WebhookReceiver? self = null;
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var secret = context.Request.Headers["X-Hook-Secret"].ToString();
            if (secret.Length > 0)
            {
                if (self!.EchoSecret)
                {
                    context.Response.Headers["X-Hook-Secret"] = secret;
                }

                return Results.Ok();
            }

            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var status = self!._statusPlan.TryDequeue(out var planned) ? planned : 202;
            await self.Deliveries.Writer.WriteAsync(new ReceivedDelivery(headers, body, status), context.RequestAborted);
            return Results.StatusCode(status);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new WebhookReceiver(app, address + "/hook");
        return self;
    }

    /// <summary>The next delivery of <paramref name="eventName"/>; others are kept, since deliveries are not ordered.</summary>
    public async Task<ReceivedDelivery> NextAsync(string eventName)
    {
        var kept = _unmatched.FirstOrDefault(d => d.Headers["event-name"] == eventName);
        if (kept is not null)
        {
            _unmatched.Remove(kept);
            return kept;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var d = await Deliveries.Reader.ReadAsync(timeout.Token);
            if (d.Headers["event-name"] == eventName)
            {
                return d;
            }

            _unmatched.Add(d);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedDelivery(Dictionary<string, string> Headers, string Body, int AnsweredStatus);
