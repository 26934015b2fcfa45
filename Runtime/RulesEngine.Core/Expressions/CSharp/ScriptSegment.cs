namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>A stretch of user code copied verbatim into a generated source: maps generated positions back to the user's.</summary>
internal readonly record struct ScriptSegment(int GeneratedStart, int Length, int UserStart)
{
    public int GeneratedEnd => GeneratedStart + Length;

    public bool Contains(int generatedPosition) => generatedPosition >= GeneratedStart && generatedPosition <= GeneratedEnd;

    public bool Contains(Microsoft.CodeAnalysis.Text.TextSpan span) => span.Start >= GeneratedStart && span.End <= GeneratedEnd;
}
