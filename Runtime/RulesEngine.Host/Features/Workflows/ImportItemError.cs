namespace RulesEngine.Host.Features.Workflows;

/// <summary>Why an import item was refused (0-based <see cref="Item"/>; the whole import then stores nothing).</summary>
public sealed record ImportItemError(int Item, string? DefinitionId, string Message);
