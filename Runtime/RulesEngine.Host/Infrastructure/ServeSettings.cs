namespace RulesEngine.Host.Infrastructure;

/// <summary>What <c>rulesengine serve</c> was asked for.</summary>
public sealed record ServeSettings
{
    /// <summary>Listen addresses, e.g. http://127.0.0.1:5080 (port 0 picks a free port).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Folder for the SQLite database and other local state.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Create the demo tenant wired to the in-process Sandbox.</summary>
    public bool Demo { get; init; }

    /// <summary>Last word on the services, after the host registered its own (tests replace parts this way).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Extra configuration (tests pass database settings and tokens this way).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();
}
