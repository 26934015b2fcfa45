namespace RulesEngine.Core.Execution;

/// <summary>State of one activity execution context.</summary>
public enum ContextStatus
{
    Scheduled,
    Running,
    Suspended,
    Faulted,
}
