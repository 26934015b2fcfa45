using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace SmartRecruiters.Sandbox;

/// <summary>The simulator on its own Kestrel server (tests, <c>rulesengine sandbox</c>, <c>rulesengine run --sandbox</c>).</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Bound address plus base path, without a trailing slash (e.g. <c>http://127.0.0.1:53117</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>The server's services (for in-process hosts that want the store or options).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<SandboxServer> StartAsync(SandboxServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.TimeProvider is not null)
        {
            builder.Services.AddSingleton(options.TimeProvider);
        }

        builder.Services.AddSmartRecruitersSandbox(o =>
        {
            if (options.ApiKey is { Length: > 0 } key)
            {
                o.ApiKey = key;
            }

            if (options.SeedFile is { Length: > 0 } seed)
            {
                o.SeedFile = seed;
            }

            options.Configure?.Invoke(o);
        });

        var app = builder.Build();
        app.MapSmartRecruitersSandbox(options.BasePath);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address.");
        var basePath = string.IsNullOrWhiteSpace(options.BasePath) || options.BasePath == "/" ? "" : "/" + options.BasePath.Trim().Trim('/');
        var server = new SandboxServer(app, address.TrimEnd('/') + basePath);
        Log.Listening(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SandboxServer>(), server.BaseUrl);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
