using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace RulesEngine.Host.Tests.Support;

/// <summary>A real <c>rulesengine serve</c> process (not in this test process), so it can be killed with SIGKILL.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<HostProcess> StartAsync(string dataDirectory, string adminToken, int? port = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        port ??= FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "rulesengine.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", dataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["RULESENGINE_ADMIN_TOKEN"] = adminToken;
        start.Environment["RulesEngine__Runs__PollInterval"] = "00:00:00.200";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var ready = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("RulesEngine listening on", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — as a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
