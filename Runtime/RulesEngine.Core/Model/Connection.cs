namespace RulesEngine.Core.Model;

/// <summary>A flowchart connection from an outcome port of one activity to the input port of another.</summary>
public sealed record Connection(string SourceActivityId, string SourcePort, string TargetActivityId, string TargetPort = "In")
{
    public override string ToString() => $"{SourceActivityId}:{SourcePort} -> {TargetActivityId}:{TargetPort}";
}
