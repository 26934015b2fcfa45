namespace RulesEngine.Core.Model;

/// <summary>An activity output bound to a workflow variable through Elsa's <c>memoryReference</c>.</summary>
public sealed record OutputBinding(string TypeName, string MemoryReferenceId);
