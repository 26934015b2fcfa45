using System.Net;
using System.Net.Sockets;
using System.Text;
using RulesEngine.Core.Execution;
using RulesEngine.Core.Tests.Support;

namespace RulesEngine.Core.Tests.Compatibility;

/// <summary>Elsa.FlowSendHttpRequest leaves through the port of the status code, against a real server on loopback.</summary>
[Collection(CompatibilityCollection.Name)]
public sealed class FlowSendHttpRequestTests : IDisposable
{
    private readonly TestEngine _engine = new();
    private readonly HttpListener _server = new();
    private readonly string _baseUrl;
    private readonly CancellationTokenSource _stop = new();

    public FlowSendHttpRequestTests()
    {
        var port = FreePort();
        _baseUrl = $"http://127.0.0.1:{port}";
        _server.Prefixes.Add(_baseUrl + "/");
        _server.Start();
        _ = ServeAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _server.Close();
        _engine.Dispose();
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>/profiles/ana → 200 with JSON, /profiles/gone → 404, anything else → 503.</summary>
    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext http;
            try
            {
                http = await _server.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var (status, body) = http.Request.Url!.AbsolutePath switch
            {
                "/profiles/ana" => (200, """{"name":"Ana"}"""),
                "/profiles/gone" => (404, """{"error":"not found"}"""),
                _ => (503, "busy"),
            };
            http.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(body);
            await http.Response.OutputStream.WriteAsync(bytes);
            http.Response.Close();
        }
    }

    private static string Fixture => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Elsa", "http-status-outcomes.json"));

    [Theory]
    [InlineData("ana", "found Ana (200)")]
    [InlineData("gone", "missing (404)")]
    [InlineData("other", "unmatched 503")]
    public async Task Answer_ChoosesTheStatusCodePort_OrUnmatched(string path, string expected)
    {
        var result = await _engine.RunAsync(Fixture, new StartOptions { Input = new Dictionary<string, object?> { ["BaseUrl"] = _baseUrl, ["Path"] = path } });

        result.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Output["Result"].ShouldBe(expected);
        result.State.Journal.Single(j => j.ActivityId == "h-call").Outcomes.ShouldHaveSingleItem().ShouldBe(expected.Split(' ')[0] switch
        {
            "found" => "200",
            "missing" => "404",
            _ => "Unmatched status code",
        });
    }

    [Fact]
    public async Task NoServer_LeavesThroughFailedToConnect()
    {
        var result = await _engine.RunAsync(Fixture, new StartOptions { Input = new Dictionary<string, object?> { ["BaseUrl"] = $"http://127.0.0.1:{FreePort()}", ["Path"] = "ana" } });

        result.Status.ShouldBe(WorkflowStatus.Finished);
        ValueConverter.Convert<string>(result.State.Output["Result"]).ShouldBe("offline");
    }
}
