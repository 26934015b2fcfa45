using System.ComponentModel.DataAnnotations;

namespace RulesEngine.Core.Execution;

/// <summary>Settings of the interpreter.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "RulesEngine:Engine";

    /// <summary>How long one C# (or JavaScript) expression may run. <value>Default 2 s.</value></summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ScriptTimeBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Record inputs and outputs in the journal. <value>Default true.</value></summary>
    public bool JournalValues { get; set; } = true;

    /// <summary>Longest journaled value, in characters, before it is cut. <value>Default 2,000.</value></summary>
    [Range(64, 1_000_000)]
    public int JournalValueMaxChars { get; set; } = 2_000;

    /// <summary>Upper bound on work items one run may process, so that a runaway loop of activities ends. <value>Default 1,000,000.</value></summary>
    [Range(1, int.MaxValue)]
    public int MaxStepsPerRun { get; set; } = 1_000_000;
}
