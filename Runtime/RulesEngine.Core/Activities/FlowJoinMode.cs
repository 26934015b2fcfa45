namespace RulesEngine.Core.Activities;

/// <summary>How a FlowJoin merges its inbound branches.</summary>
public enum FlowJoinMode
{
    /// <summary>Continue once every inbound branch that can still arrive has arrived (dead branches do not count).</summary>
    WaitAll,

    /// <summary>Continue with the first branch that arrives; later arrivals are ignored.</summary>
    WaitAny,
}
