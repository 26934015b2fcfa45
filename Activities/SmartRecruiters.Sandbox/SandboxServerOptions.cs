namespace SmartRecruiters.Sandbox;

/// <summary>How <see cref="SandboxServer.StartAsync"/> hosts the simulator.</summary>
public sealed class SandboxServerOptions
{
    /// <summary>Kestrel URL(s); port 0 picks a free port (read the bound one from <see cref="SandboxServer.BaseUrl"/>).</summary>
    /// <value>Default <c>http://127.0.0.1:0</c>.</value>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Optional state-dump JSON file to seed from.</summary>
    public string? SeedFile { get; set; }

    /// <summary>API key to accept; null keeps <see cref="SandboxOptions.ApiKey"/>'s default (<c>sandbox-key</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Path to mount the sandbox under.</summary>
    /// <value>Default empty (the root).</value>
    public string BasePath { get; set; } = "";

    /// <summary>Further option changes (limits, retry schedule…).</summary>
    public Action<SandboxOptions>? Configure { get; set; }

    /// <summary>Clock to use; null for the system clock.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
