namespace RulesEngine.Core.Sdk;

/// <summary>
/// Base class of every activity. One instance serves every run of a workflow version, so an activity keeps no
/// per-run state in fields: it reads inputs and writes outputs through the <see cref="ActivityContext"/>.
/// On failure, throw: the interpreter records the fault against the activity.
/// </summary>
public abstract class Activity
{
    /// <summary>Runs the activity. Returning without calling Complete or creating a bookmark completes with <c>Done</c>.</summary>
    public abstract ValueTask ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);

    /// <summary>Called when a bookmark this activity created is resumed. Completes with <c>Done</c> by default.</summary>
    public virtual ValueTask ResumeAsync(ActivityContext context, BookmarkResumption resumption, CancellationToken cancellationToken)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Checks a literal input value when the workflow is loaded (validate, publish), so a value the activity would only
    /// refuse at run time, such as a cron expression, is reported against its activity and input before it is published.
    /// Returns the problem, or null when the value is fine.
    /// </summary>
    public virtual string? ValidateLiteral(string inputName, object? value) => null;

    /// <summary>Called on a container when a child it scheduled has completed.</summary>
    public virtual ValueTask OnChildCompletedAsync(ActivityContext context, ChildCompletion child, CancellationToken cancellationToken)
        => ValueTask.CompletedTask;
}
