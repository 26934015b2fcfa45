namespace RulesEngine.Persistence.Journal;

/// <summary>What <see cref="IJournalStore.PruneAsync"/> keeps; a null limit does not apply.</summary>
public sealed record JournalRetention(int? MaxAgeDays, int? MaxEntriesPerWorkflow);
