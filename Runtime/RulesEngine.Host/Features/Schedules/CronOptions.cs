using System.ComponentModel.DataAnnotations;

namespace RulesEngine.Host.Features.Schedules;

/// <summary>The cron scheduler (Quartz.NET), section <c>RulesEngine:Cron</c>.</summary>
public sealed class CronOptions
{
    public const string SectionName = "RulesEngine:Cron";

    /// <summary>
    /// Fires started at once. A fire only claims and queues its run (the workers run it), so a few suffice; more make
    /// SQLite slower, as every fire's transactions queue on its one write lock (bench/RESULTS-cron.md).
    /// </summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 4;

    /// <summary>How late a fire may be and still count as on time; later, the trigger's misfire policy applies.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether hosts share Quartz's store as a cluster (each fire on one host, a dead host's fires taken over). Null: on
    /// PostgreSQL and SQL Server yes, on SQLite (one host) no.
    /// </summary>
    public bool? Clustered { get; set; }

    /// <summary>How often a clustered host checks in; a host silent for longer is taken over by another.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(5);
}
