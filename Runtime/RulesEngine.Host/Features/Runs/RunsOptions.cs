using System.ComponentModel.DataAnnotations;

namespace RulesEngine.Host.Features.Runs;

/// <summary>How the runtime executes instances.</summary>
public sealed class RunsOptions
{
    public const string SectionName = "RulesEngine:Runs";

    /// <summary>Instances running at once in this process. <value>Default 16.</value></summary>
    [Range(1, 1024)]
    public int Workers { get; set; } = 16;

    /// <summary>Instances of one tenant running at once, so a busy tenant cannot starve the others. <value>Default 8.</value></summary>
    [Range(1, 1024)]
    public int PerTenantLimit { get; set; } = 8;

    /// <summary>How long this node owns an instance it runs; another node takes over after it lapses. <value>Default 30 s.</value></summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often due timers and orphaned instances are looked for. <value>Default 1 s.</value></summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Persist an instance's state after every activity that may have side effects, so a crash continues after the last
    /// one instead of repeating it. <value>Default true.</value>
    /// </summary>
    public bool Checkpoints { get; set; } = true;

    /// <summary>Name of this node in leases. <value>Default: machine name and process id.</value></summary>
    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
