using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace RulesEngine.Host.Tests.Support;

/// <summary>A real HTTP server on loopback that records what it receives and answers 201.</summary>
public sealed class RecordingSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingSink(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Method, string Path, string Body, Dictionary<string, string> Headers)> Requests { get; } = new();

    public Uri BaseAddress => new(_app.Urls.First());

    public static async Task<RecordingSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new RecordingSink(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            sink.Requests.Enqueue((context.Request.Method, context.Request.Path.Value ?? "/", body,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            context.Response.StatusCode = StatusCodes.Status201Created;
            await context.Response.WriteAsJsonAsync(new { ok = true }, context.RequestAborted);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
