using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Host.Infrastructure;
using RulesEngine.TestSupport.PostgreSql;

namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>
/// The real host on Kestrel over loopback (port 0), on a SQLite file in a temp folder or on a fresh PostgreSQL database,
/// and an HttpClient to talk to it with bearer tokens.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string AdminToken = "test-admin-token-0123456789";

    private readonly bool _ownsFolder;

    private TestHost(WebApplication app, string dataDirectory, bool ownsFolder)
    {
        App = app;
        DataDirectory = dataDirectory;
        _ownsFolder = ownsFolder;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public HttpClient Client { get; }

    public RecordingTriggerIndexer Indexer => App.Services.GetRequiredService<RecordingTriggerIndexer>();

    public QueueingWorkflowDispatcher Dispatcher => App.Services.GetRequiredService<QueueingWorkflowDispatcher>();

    /// <summary>Starts a host on SQLite in <paramref name="dataDirectory"/> (a new temp folder when null; kept when given).</summary>
    public static Task<TestHost> StartSqliteAsync(string? dataDirectory = null) =>
        StartAsync(dataDirectory ?? NewTempFolder(), ownsFolder: dataDirectory is null, new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });

    public static async Task<TestHost> StartPostgreSqlAsync()
    {
        var server = await PostgreSqlServer.Shared();
        var connectionString = await server.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return await StartAsync(NewTempFolder(), ownsFolder: true, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:RulesEngine"] = connectionString,
        });
    }

    public static Task<TestHost> StartAsync(string provider) =>
        provider == "PostgreSql" ? StartPostgreSqlAsync() : StartSqliteAsync();

    public static string NewTempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rulesengine-api-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Creates a tenant with a unique id and issues a token for it.</summary>
    public async Task<TestTenant> CreateTenantAsync(string prefix = "t")
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..10]}";
        using var created = await SendAsync(HttpMethod.Post, "/api/tenants", AdminToken, new { id, name = $"Tenant {id}" });
        created.EnsureSuccessStatusCode();
        using var issued = await SendAsync(HttpMethod.Post, $"/api/tenants/{id}/tokens", AdminToken, new { name = "tests" });
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
        return new TestTenant(this, id, token);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        HttpContent? content = body switch
        {
            null => null,
            HttpContent c => c,
            string s => new StringContent(s, Encoding.UTF8, "application/json"),
            JsonNode n => new StringContent(n.ToJsonString(), Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        return SendAsync(method, path, token, content);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
        if (_ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a pooled connection: the temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task<TestHost> StartAsync(string dataDirectory, bool ownsFolder, Dictionary<string, string?> configuration)
    {
        configuration["RulesEngine:Auth:AdminToken"] = AdminToken;
        var settings = new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = dataDirectory,
            Configuration = configuration,
            ConfigureServices = TestDoubles.Register,
        };
        var app = RulesEngineWebHost.Build(settings);
        await RulesEngineWebHost.StartAsync(app, settings, TextWriter.Null, TestContext.Current.CancellationToken);
        return new TestHost(app, dataDirectory, ownsFolder);
    }
}
