namespace RulesEngine.Persistence.Workflows;

/// <summary>
/// A save from the designer. <see cref="ExpectedConcurrencyStamp"/> is the stamp of the latest version the caller
/// loaded; <see cref="Name"/> and <see cref="Description"/>, when set, also update the definition header.
/// </summary>
public sealed record WorkflowDraft(string Json, string ExpectedConcurrencyStamp, string? SavedBy, string? Name = null, string? Description = null);
