using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SmartRecruiters.Sandbox.State;

/// <summary>
/// The in-memory tenant. One lock guards everything: the simulator favours obvious correctness over throughput,
/// and every operation is a few list scans over a few hundred records.
/// </summary>
internal sealed class SandboxStore
{
    private readonly Lock _gate = new();
    private readonly string _seedJson;
    private SandboxState _state;
    private long _generation;

    public SandboxStore(IOptions<SandboxOptions> options)
    {
        var o = options.Value;
        _seedJson = o.SeedFile is { Length: > 0 } file
            ? File.ReadAllText(file)
            : JsonSerializer.Serialize(SeedGenerator.Create(o.CompanyIdentifier, o.CompanyName), SandboxJson.State);
        _state = Parse(_seedJson);
    }

    /// <summary>Bumped by reset and seed so background deliveries of a discarded state can tell they are stale.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public T Read<T>(Func<SandboxState, T> read)
    {
        lock (_gate)
        {
            return read(_state);
        }
    }

    public T Write<T>(Func<SandboxState, T> write)
    {
        lock (_gate)
        {
            return write(_state);
        }
    }

    public void Reset() => Replace(Parse(_seedJson));

    public void Replace(SandboxState state)
    {
        lock (_gate)
        {
            _state = state;
            Interlocked.Increment(ref _generation);
        }
    }

    public string Dump()
    {
        lock (_gate)
        {
            return JsonSerializer.Serialize(_state, SandboxJson.State);
        }
    }

    /// <summary>The dump without secrets (webhook secret keys, callback credentials), for <c>GET _sandbox/state</c>.</summary>
    public string DumpForExport()
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(Dump())!;
        foreach (var sub in root["subscriptions"]?.AsArray() ?? [])
        {
            foreach (var key in sub?["secretKeys"]?.AsArray() ?? [])
            {
                key!["key"] = Redacted;
            }

            if (sub?["callbackAuthentication"] is System.Text.Json.Nodes.JsonObject auth)
            {
                foreach (var name in new[] { "password", "headerValue", "clientSecret" })
                {
                    if (auth.ContainsKey(name))
                    {
                        auth[name] = Redacted;
                    }
                }
            }
        }

        return root.ToJsonString(SandboxJson.State);
    }

    public const string Redacted = "***";

    public static SandboxState Parse(string json) =>
        JsonSerializer.Deserialize<SandboxState>(json, SandboxJson.State)
        ?? throw new JsonException("The seed JSON is empty.");
}
