using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Infrastructure;
using RulesEngine.Persistence.Tenants;
using RulesEngine.Persistence.Tokens;

namespace RulesEngine.Host.Tests.Support;

/// <summary>A real <c>rulesengine serve</c> host on loopback Kestrel with its own SQLite folder.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private RunningHost(WebApplication app, string dataDirectory, bool ownsDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        OwnsDirectory = ownsDirectory;
        BaseAddress = new Uri(app.Urls.First());
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    private bool OwnsDirectory { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<RunningHost> StartAsync(string? dataDirectory = null, IReadOnlyDictionary<string, string?>? configuration = null, bool demo = false, Action<IServiceCollection>? services = null)
    {
        var owns = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("rulesengine-host-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["RulesEngine:Auth:AdminToken"] = AdminToken,
            ["RulesEngine:Runs:PollInterval"] = "00:00:00.200",
        };
        foreach (var (k, v) in configuration ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }

        var settings = new ServeSettings { Urls = "http://127.0.0.1:0", DataDirectory = dataDirectory, Configuration = config, Demo = demo, ConfigureServices = services };
        var app = RulesEngineWebHost.Build(settings);
        await RulesEngineWebHost.StartAsync(app, settings, TextWriter.Null, TestContext.Current.CancellationToken);
        return new RunningHost(app, dataDirectory, owns);
    }

    public HttpClient Client(string? token = AdminToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Creates a tenant and a token for it directly in the stores (the API tests cover the endpoints).</summary>
    public async Task<(string Tenant, string Token)> CreateTenantAsync(string? id = null)
    {
        id ??= "t" + Guid.NewGuid().ToString("n")[..10];
        await Services.GetRequiredService<ITenantStore>().CreateAsync(id, id, TestContext.Current.CancellationToken);
        var token = await Services.GetRequiredService<IApiTokenStore>().IssueAsync(id, "test", TestContext.Current.CancellationToken);
        return (id, token.Plaintext);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        if (OwnsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
