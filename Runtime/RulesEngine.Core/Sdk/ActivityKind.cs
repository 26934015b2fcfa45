namespace RulesEngine.Core.Sdk;

/// <summary>How the designer presents an activity.</summary>
public enum ActivityKind
{
    /// <summary>Does work and completes (most activities).</summary>
    Action,

    /// <summary>Starts workflows (cron, webhook, SmartRecruiters event).</summary>
    Trigger,

    /// <summary>Steers the flow (decision, switch, fork, join, loops).</summary>
    Flow,

    /// <summary>Holds child activities (flowchart, sequence).</summary>
    Container,
}
