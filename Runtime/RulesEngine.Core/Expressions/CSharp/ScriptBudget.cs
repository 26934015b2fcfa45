using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// The time and stack guard that the compiler weaves into user code: every loop iteration, goto target, switch
/// section and lambda/local-function entry calls <see cref="Tick"/> or <see cref="Enter"/>. The deadline is
/// per thread (set by <see cref="CompiledScriptExtensions.Evaluate"/>), and the clock is read only every
/// <see cref="CheckEvery"/> ticks, so a check costs a thread-static decrement in the common case.
/// Public only because generated assemblies must call it; not meant for other code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ScriptBudget
{
    internal const int CheckEvery = 16;

    // 0 = no budget (the delegate was called directly).
    [ThreadStatic]
    private static long t_deadline;

    [ThreadStatic]
    private static int t_countdown;

    [ThreadStatic]
    private static long t_budgetTicks;

    // Why the running script is being aborted; once set, every check throws and user code can neither catch the
    // exception nor run finally blocks, so the script unwinds straight back to Evaluate.
    [ThreadStatic]
    private static AbortReason t_abort;

    /// <summary>One unit of work (a loop iteration, a jump).</summary>
    public static void Tick()
    {
        if (--t_countdown <= 0)
        {
            CheckClock();
        }
    }

    /// <summary>Entry into a lambda, anonymous method or local function: guards the stack, then ticks.</summary>
    public static void Enter()
    {
        // A StackOverflowException cannot be caught and kills the process; stop well before it.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            t_abort = AbortReason.Recursion;
            t_countdown = 0;
            throw new ScriptRecursionException();
        }

        Tick();
    }

    /// <summary>
    /// Added as a filter to every user <c>catch</c>: the guard's own exceptions cannot be caught, and nothing can be
    /// caught while the script is being aborted. (Catch handlers run on top of the still-deep stack, so a script that
    /// caught the stack guard and recursed again would overflow the real stack.)
    /// </summary>
    public static bool CanCatch(Exception exception) =>
        t_abort == AbortReason.None && exception is not (ScriptTimeoutException or ScriptRecursionException or InsufficientExecutionStackException);

    /// <summary>True while the script is being aborted: user <c>finally</c> bodies are skipped then.</summary>
    public static bool Aborting => t_abort != AbortReason.None;

    /// <summary>Ticks and passes a query clause's condition through.</summary>
    public static bool Check(bool condition)
    {
        Tick();
        return condition;
    }

    /// <summary>Ticks and passes a query clause's value through.</summary>
    public static T Pass<T>(T value)
    {
        Tick();
        return value;
    }

    internal static State Begin(TimeSpan budget)
    {
        var saved = new State(t_deadline, t_countdown, t_budgetTicks, t_abort);
        t_deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        t_budgetTicks = budget.Ticks;
        t_countdown = CheckEvery;
        t_abort = AbortReason.None;
        return saved;
    }

    /// <summary>
    /// Called after the script returned: a script that swallowed the timeout exception, or spent its time inside one
    /// long library call that has no checks, still counts as over budget.
    /// </summary>
    internal static void ThrowIfExpired()
    {
        if (t_abort == AbortReason.Recursion)
        {
            throw new ScriptRecursionException();
        }

        if (t_abort == AbortReason.Timeout || (t_deadline != 0 && Stopwatch.GetTimestamp() > t_deadline))
        {
            throw new ScriptTimeoutException(TimeSpan.FromTicks(t_budgetTicks));
        }
    }

    internal static void End(State saved)
    {
        t_deadline = saved.Deadline;
        t_countdown = saved.Countdown;
        t_budgetTicks = saved.BudgetTicks;
        t_abort = saved.Abort;
    }

    private static void CheckClock()
    {
        if (t_abort == AbortReason.Recursion)
        {
            throw new ScriptRecursionException();
        }

        if (t_abort == AbortReason.Timeout || (t_deadline != 0 && Stopwatch.GetTimestamp() > t_deadline))
        {
            // Sticky: once over budget every later check throws at once.
            t_abort = AbortReason.Timeout;
            t_countdown = 0;
            throw new ScriptTimeoutException(TimeSpan.FromTicks(t_budgetTicks));
        }

        if (t_deadline == 0)
        {
            t_countdown = int.MaxValue;
            return;
        }

        t_countdown = CheckEvery;
    }

    internal readonly record struct State(long Deadline, int Countdown, long BudgetTicks, AbortReason Abort);

    internal enum AbortReason
    {
        None,
        Timeout,
        Recursion,
    }
}
