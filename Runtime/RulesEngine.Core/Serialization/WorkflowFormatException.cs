namespace RulesEngine.Core.Serialization;

/// <summary>The workflow file cannot be read at all (malformed JSON, no root). The message names the place.</summary>
public sealed class WorkflowFormatException(string message, long? line = null, long? position = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>1-based line of the problem, when known.</summary>
    public long? Line { get; } = line;

    /// <summary>1-based position in the line, when known.</summary>
    public long? Position { get; } = position;
}
