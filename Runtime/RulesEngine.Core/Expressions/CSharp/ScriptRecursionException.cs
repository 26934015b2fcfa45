namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>
/// Thrown inside a script when its calls nest so deep that the thread's stack is nearly exhausted. A real
/// stack overflow would kill the whole process, so the budget check stops the script well before that.
/// </summary>
public sealed class ScriptRecursionException : Exception
{
    public ScriptRecursionException()
        : base("script recursion is too deep: the call stack is nearly exhausted")
    {
    }

    public ScriptRecursionException(string message)
        : base(message)
    {
    }

    public ScriptRecursionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
