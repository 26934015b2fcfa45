using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using RulesEngine.Host.Infrastructure;
using SmartRecruiters.Sandbox;

[assembly: AssemblyFixture(typeof(RulesEngine.Designer.Tests.Support.DesignerHost))]

namespace RulesEngine.Designer.Tests.Support;

/// <summary>
/// A real <c>rulesengine serve</c> on SQLite (loopback Kestrel, in this process) serving the built Designer, the
/// SmartRecruiters Sandbox on its own port, and headless Debian Chromium driven by Playwright. Each test works in
/// its own tenant, signed in with that tenant's token. One instance serves the whole assembly (starting Chromium and the
/// host costs seconds on a 2-core machine); the test classes share the collection <see cref="Collection"/> so that they
/// run one after the other.
/// </summary>
public sealed class DesignerHost : IAsyncLifetime
{
    public const string Collection = "Designer";
    public const string SandboxApiKey = "designer-tests-key";
    private const string AdminToken = "designer-tests-admin-token-0123456789";

    /// <summary>Flags that keep Chromium from calling home; the sandbox is off because tests run as root in containers.</summary>
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private WebApplication? _app;
    private IPlaywright? _playwright;
    private string _dataDirectory = string.Empty;

    public Uri BaseAddress { get; private set; } = null!;

    public SandboxServer Sandbox { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: <c>{test bin}/artifacts/screenshots</c>.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")))
        {
            throw new InvalidOperationException("The Designer is not built: run `npm ci && npm run build` in Designer/ before building the tests (test.sh does).");
        }

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's chromium package (apt-get install -y chromium).");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        Sandbox = await SandboxServer.StartAsync(new SandboxServerOptions { ApiKey = SandboxApiKey });

        _dataDirectory = Directory.CreateTempSubdirectory("rulesengine-designer-").FullName;
        var settings = new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = _dataDirectory,
            Configuration = new Dictionary<string, string?>
            {
                ["RulesEngine:Auth:AdminToken"] = AdminToken,
                ["RulesEngine:Runs:PollInterval"] = "00:00:00.200",
            },
        };
        _app = RulesEngineWebHost.Build(settings);
        await RulesEngineWebHost.StartAsync(_app, settings, TextWriter.Null, CancellationToken.None);
        BaseAddress = new Uri(_app.Urls.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
    }

    /// <summary>A new tenant with a SmartRecruiters connection to the Sandbox, and a token of that tenant.</summary>
    public async Task<TestTenant> CreateTenantAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid():n}"[..Math.Min(prefix.Length + 9, 64)];
        using var admin = Client(AdminToken);
        (await admin.PostAsJsonAsync("/api/tenants", new { id, name = prefix })).EnsureSuccessStatusCode();
        using var issued = await admin.PostAsJsonAsync($"/api/tenants/{id}/tokens", new { name = "designer-tests" });
        issued.EnsureSuccessStatusCode();
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var connection = new
        {
            kind = "smartrecruiters",
            settings = new { baseUrl = Sandbox.BaseUrl, companyIdentifier = "AcmeCorp", authMode = "apiKey" },
            secrets = new { apiKey = SandboxApiKey },
        };
        (await admin.PutAsJsonAsync($"/api/tenants/{id}/connections/smartrecruiters", connection)).EnsureSuccessStatusCode();
        return new TestTenant(this, id, token);
    }

    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        if (_dataDirectory.Length > 0)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
