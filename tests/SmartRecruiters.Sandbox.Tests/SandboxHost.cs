using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartRecruiters.Sandbox.Tests;

/// <summary>A sandbox on a real loopback port plus an HttpClient pointed at it.</summary>
internal sealed class SandboxHost : IAsyncDisposable
{
    public const string ApiKey = "test-key";

    private SandboxHost(SandboxServer server)
    {
        Server = server;
        Client = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
        Client.DefaultRequestHeaders.Add("X-SmartToken", ApiKey);
        Anonymous = new HttpClient { BaseAddress = new Uri(server.BaseUrl + "/") };
    }

    public SandboxServer Server { get; }

    /// <summary>Sends the API key.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no credential.</summary>
    public HttpClient Anonymous { get; }

    public static async Task<SandboxHost> StartAsync(Action<SandboxOptions>? configure = null, bool limits = false, string basePath = "", TimeProvider? time = null)
    {
        var server = await SandboxServer.StartAsync(new SandboxServerOptions
        {
            ApiKey = ApiKey,
            BasePath = basePath,
            TimeProvider = time,
            Configure = o =>
            {
                o.RateLimits.Enabled = limits;
                o.Webhooks.RetrySchedule = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(50)];
                configure?.Invoke(o);
            },
        }, TestContext.Current.CancellationToken);
        return new SandboxHost(server);
    }

    public async Task<JsonElement> GetJsonAsync(string url, HttpClient? client = null)
    {
        using var response = await (client ?? Client).GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {url} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> StateAsync() => await GetJsonAsync("_sandbox/state", Anonymous);

    /// <summary>A job that has postings and so accepts applications in the seed.</summary>
    public async Task<string> PublicJobIdAsync(int index = 0)
    {
        var jobs = await GetJsonAsync("jobs?postingStatus=PUBLIC&sort=job_id&limit=20");
        return jobs.GetProperty("content")[index].GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> CreateCandidateAsync(string jobId, string email, HttpRequestMessage? template = null)
    {
        using var request = template ?? new HttpRequestMessage();
        request.Method = HttpMethod.Post;
        request.RequestUri = new Uri($"jobs/{jobId}/candidates", UriKind.Relative);
        request.Content = JsonContent.Create(new JsonObject { ["firstName"] = "Test", ["lastName"] = "Person", ["email"] = email });
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(201, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<(int Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string ErrorCode(JsonElement body) => body.GetProperty("errors")[0].GetProperty("code").GetString()!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Server.DisposeAsync();
    }
}
