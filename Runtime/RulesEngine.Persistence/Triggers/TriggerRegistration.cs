namespace RulesEngine.Persistence.Triggers;

/// <summary>One trigger of a workflow version, as <see cref="ITriggerIndexStore.ReplaceAsync"/> takes it.</summary>
public sealed record TriggerRegistration(int Version, string ActivityId, string Kind, string Key, string? SettingsJson = null);
