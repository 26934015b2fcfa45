using RulesEngine.Persistence.Journal;

namespace RulesEngine.Persistence.Tests.Journal;

public sealed class JournalStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task AppendAsync_Batch_ListsInSequenceAndCutsLongPayloads(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var journal = db.Get<IJournalStore>();
        var tenant = Some.TenantId();
        var huge = new string('y', 20_000);

        await journal.AppendAsync(tenant, [Entry("i1", "wf", 2, db), Entry("i1", "wf", 1, db, inputs: huge), Entry("i2", "wf", 1, db)], ct);

        var entries = await journal.ListAsync(tenant, "i1", cancellationToken: ct);
        entries.Select(e => e.Sequence).ShouldBe([1, 2]);
        entries[0].InputsJson!.Length.ShouldBeLessThan(9000);
        entries[0].InputsJson!.ShouldEndWith("[truncated]");
        entries[1].Outcomes.ShouldBe("[\"Done\"]");
        (await journal.ListAsync(tenant, "i1", afterSequence: 1, cancellationToken: ct)).Single().Sequence.ShouldBe(2);
        (await journal.ListAsync(Some.TenantId(), "i1", cancellationToken: ct)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task PruneAsync_ByAgeAndByCountPerWorkflow_KeepsTheNewest(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var journal = db.Get<IJournalStore>();
        var tenant = Some.TenantId();

        // Ten days of one entry a day for "old-wf", then 30 entries today for "busy-wf" and 3 for "quiet-wf".
        for (var day = 0; day < 10; day++)
        {
            await journal.AppendAsync(tenant, [Entry($"old{day}", "old-wf", 1, db)], ct);
            db.Time.Advance(TimeSpan.FromDays(1));
        }

        await journal.AppendAsync(tenant, Enumerable.Range(0, 30).Select(i => Entry("busy", "busy-wf", i, db)).ToList(), ct);
        await journal.AppendAsync(tenant, Enumerable.Range(0, 3).Select(i => Entry("quiet", "quiet-wf", i, db)).ToList(), ct);

        // Older than 7 days: days 0, 1 and 2 go (day 3 is exactly 7 days old and stays).
        (await journal.PruneAsync(new JournalRetention(MaxAgeDays: 7, MaxEntriesPerWorkflow: null), ct)).ShouldBe(3);
        (await journal.ListAsync(tenant, "old2", cancellationToken: ct)).ShouldBeEmpty();
        (await journal.ListAsync(tenant, "old3", cancellationToken: ct)).ShouldHaveSingleItem();

        // At most 10 per workflow: busy-wf keeps sequences 20-29; old-wf (7 left) and quiet-wf are untouched.
        (await journal.PruneAsync(new JournalRetention(MaxAgeDays: null, MaxEntriesPerWorkflow: 10), ct)).ShouldBe(20);
        (await journal.ListAsync(tenant, "busy", cancellationToken: ct)).Select(e => e.Sequence).ShouldBe(Enumerable.Range(20, 10));
        (await journal.ListAsync(tenant, "quiet", cancellationToken: ct)).Count.ShouldBe(3);
        (await journal.ListAsync(tenant, "old9", cancellationToken: ct)).ShouldHaveSingleItem();

        (await journal.PruneAsync(new JournalRetention(7, 10), ct)).ShouldBe(0);
    }

    private static JournalEntry Entry(string instanceId, string definitionId, int sequence, TestDatabase db, string? inputs = null) => new()
    {
        TenantId = string.Empty,
        InstanceId = instanceId,
        DefinitionId = definitionId,
        Sequence = sequence,
        ActivityId = $"a{sequence}",
        ActivityType = "Elsa.WriteLine",
        ActivityName = "Log",
        Outcomes = "[\"Done\"]",
        StartedAt = db.Time.GetUtcNow(),
        DurationMs = 3,
        InputsJson = inputs ?? "{}",
        OutputsJson = "{}",
    };
}
