using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Activities.SmartRecruiters.Tests.Support;

/// <summary>A real Kestrel callback: answers the activation handshake (echoing X-Hook-Secret when asked to) and records deliveries.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = new Uri(url);
    }

    public Uri Url { get; }

    public bool EchoSecret { get; set; } = true;

    public Channel<ReceivedDelivery> Deliveries { get; } = Channel.CreateUnbounded<ReceivedDelivery>();

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
            await self!.Deliveries.Writer.WriteAsync(new ReceivedDelivery(body, headers), context.RequestAborted);
            return Results.Accepted();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new WebhookReceiver(app, address.TrimEnd('/') + "/hook");
        return self;
    }

    /// <summary>The next delivery of that event (others are skipped), within 10 seconds.</summary>
    public async Task<ReceivedDelivery> NextAsync(string eventName)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var delivery = await Deliveries.Reader.ReadAsync(timeout.Token);
            if (delivery.Headers.GetValueOrDefault("event-name") == eventName)
            {
                return delivery;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
