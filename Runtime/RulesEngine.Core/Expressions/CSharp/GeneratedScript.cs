using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace RulesEngine.Core.Expressions.CSharp;

/// <summary>One user script inside the generated compilation: its syntax tree, where the user's text sits, and how to map back.</summary>
internal sealed class GeneratedScript(ScriptSource source, int index, SourceText userText, SyntaxTree tree, IReadOnlyList<ScriptSegment> segments)
{
    public ScriptSource Source { get; } = source;

    public int Index { get; } = index;

    public SourceText UserText { get; } = userText;

    public SyntaxTree Tree { get; } = tree;

    public IReadOnlyList<ScriptSegment> Segments { get; } = segments;

    public string RunMethodName => ScriptCodeGenerator.RunMethodPrefix + Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsUserSpan(TextSpan span) => Segments.Any(s => s.Contains(span));

    /// <summary>Maps a position in the generated tree to a 1-based line and column of the user's code.</summary>
    public (int Line, int Column) Map(int generatedPosition)
    {
        var userPosition = 0;
        var best = int.MaxValue;
        foreach (var segment in Segments)
        {
            if (segment.Contains(generatedPosition))
            {
                userPosition = segment.UserStart + (generatedPosition - segment.GeneratedStart);
                best = 0;
                break;
            }

            // Outside every segment (generated glue around the user's code): clamp to the nearest segment edge.
            var distance = generatedPosition < segment.GeneratedStart ? segment.GeneratedStart - generatedPosition : generatedPosition - segment.GeneratedEnd;
            if (distance < best)
            {
                best = distance;
                userPosition = generatedPosition < segment.GeneratedStart ? segment.UserStart : segment.UserStart + segment.Length;
            }
        }

        userPosition = Math.Clamp(userPosition, 0, UserText.Length);
        var line = UserText.Lines.GetLinePosition(userPosition);
        return (line.Line + 1, line.Character + 1);
    }

    public ScriptDiagnostic ToDiagnostic(int generatedPosition, string severity, string code, string message)
    {
        var (line, column) = Map(generatedPosition);
        return new ScriptDiagnostic(Source.ActivityId, Source.InputName, line, column, severity, code, message);
    }
}
