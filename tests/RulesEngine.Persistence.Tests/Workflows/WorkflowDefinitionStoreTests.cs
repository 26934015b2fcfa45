using RulesEngine.Persistence.Workflows;

namespace RulesEngine.Persistence.Tests.Workflows;

public sealed class WorkflowDefinitionStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Lifecycle_DraftSavePublishSaveRollback_KeepsOneLatestAndOnePublished(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowDefinitionStore>();
        var tenant = Some.TenantId();
        var id = Some.DefinitionId();

        // Create: draft version 1.
        var v1 = (await store.CreateAsync(tenant, new NewWorkflowDefinition(id, "Sync jobs", "desc", Some.WorkflowJson("a"), "alice"), ct)).ShouldNotBeNull();
        v1.Version.ShouldBe(1);
        v1.IsLatest.ShouldBeTrue();
        v1.IsPublished.ShouldBeFalse();

        // Save the draft: still version 1, new JSON, new stamp.
        var saved = await store.SaveDraftAsync(tenant, id, new WorkflowDraft(Some.WorkflowJson("b"), v1.ConcurrencyStamp, "bob"), ct);
        saved.Status.ShouldBe(SaveDraftStatus.Saved);
        saved.Current!.Version.ShouldBe(1);
        saved.Current.Json.ShouldContain("\"b\"");
        saved.Current.ConcurrencyStamp.ShouldNotBe(v1.ConcurrencyStamp);

        // Publish version 1.
        var published = (await store.PublishAsync(tenant, id, cancellationToken: ct)).ShouldNotBeNull();
        published.Version.ShouldBe(1);
        published.IsPublished.ShouldBeTrue();
        published.PublishedAt.ShouldBe(db.Time.GetUtcNow());

        // Saving after publishing creates draft version 2; version 1 stays published.
        db.Time.Advance(TimeSpan.FromMinutes(1));
        var v2 = await store.SaveDraftAsync(tenant, id, new WorkflowDraft(Some.WorkflowJson("c"), published.ConcurrencyStamp, "carol"), ct);
        v2.Status.ShouldBe(SaveDraftStatus.Saved);
        v2.Current!.Version.ShouldBe(2);
        v2.Current.IsPublished.ShouldBeFalse();
        (await store.GetPublishedVersionAsync(tenant, id, ct))!.Version.ShouldBe(1);

        // Publish version 2: version 1 is unpublished in the same commit.
        (await store.PublishAsync(tenant, id, 2, ct))!.Version.ShouldBe(2);
        var versions = await store.ListVersionsAsync(tenant, id, ct);
        versions.Select(v => (v.Version, v.IsPublished, v.IsLatest)).ShouldBe([(2, true, true), (1, false, false)]);

        // Roll back to version 1: its JSON becomes published version 3.
        var v3 = (await store.RollbackAsync(tenant, id, 1, "dave", ct)).ShouldNotBeNull();
        v3.Version.ShouldBe(3);
        v3.IsPublished.ShouldBeTrue();
        v3.IsLatest.ShouldBeTrue();
        v3.Json.ShouldContain("\"b\"");
        v3.SavedBy.ShouldBe("dave");

        versions = await store.ListVersionsAsync(tenant, id, ct);
        versions.Select(v => (v.Version, v.IsPublished, v.IsLatest)).ShouldBe([(3, true, true), (2, false, false), (1, false, false)]);
        var header = (await store.GetAsync(tenant, id, ct)).ShouldNotBeNull();
        header.LatestVersion.ShouldBe(3);
        header.PublishedVersion.ShouldBe(3);
        (await store.GetVersionAsync(tenant, id, 2, ct))!.Json.ShouldContain("\"c\"");

        // Retract: nothing is published.
        (await store.RetractAsync(tenant, id, ct)).ShouldBeTrue();
        (await store.GetPublishedVersionAsync(tenant, id, ct)).ShouldBeNull();
        (await store.GetAsync(tenant, id, ct))!.PublishedVersion.ShouldBeNull();
        (await store.RetractAsync(tenant, id, ct)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveDraftAsync_StaleStamp_ReturnsConflictWithCurrentVersionAndWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowDefinitionStore>();
        var tenant = Some.TenantId();
        var id = Some.DefinitionId();
        var v1 = (await store.CreateAsync(tenant, new NewWorkflowDefinition(id, "W", null, Some.WorkflowJson("a"), "alice"), ct))!;

        // Alice and Bob both loaded v1; Bob saves first.
        (await store.SaveDraftAsync(tenant, id, new WorkflowDraft(Some.WorkflowJson("bob"), v1.ConcurrencyStamp, "bob"), ct)).Status.ShouldBe(SaveDraftStatus.Saved);
        var alice = await store.SaveDraftAsync(tenant, id, new WorkflowDraft(Some.WorkflowJson("alice"), v1.ConcurrencyStamp, "alice"), ct);

        alice.Status.ShouldBe(SaveDraftStatus.Conflict);
        alice.Current!.Version.ShouldBe(1);
        alice.Current.SavedBy.ShouldBe("bob");
        alice.Current.Json.ShouldContain("\"bob\"");
        (await store.GetLatestVersionAsync(tenant, id, ct))!.Json.ShouldContain("\"bob\"");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveDraftAsync_ConcurrentSavesWithTheSameStamp_ExactlyOneWins(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowDefinitionStore>();
        var tenant = Some.TenantId();
        var id = Some.DefinitionId();
        var v1 = (await store.CreateAsync(tenant, new NewWorkflowDefinition(id, "W", null, Some.WorkflowJson("a"), "alice"), ct))!;
        await store.PublishAsync(tenant, id, cancellationToken: ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.SaveDraftAsync(tenant, id, new WorkflowDraft(Some.WorkflowJson($"u{i}"), v1.ConcurrencyStamp, $"u{i}"), ct), ct)));

        results.Count(r => r.Status == SaveDraftStatus.Saved).ShouldBe(1);
        results.Count(r => r.Status == SaveDraftStatus.Conflict).ShouldBe(7);
        (await store.ListVersionsAsync(tenant, id, ct)).Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task PublishAsync_ConcurrentPublishesAndRollbacks_LeaveExactlyOnePublishedVersion(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowDefinitionStore>();
        var tenant = Some.TenantId();
        var id = Some.DefinitionId();
        var v1 = (await store.CreateAsync(tenant, new NewWorkflowDefinition(id, "W", null, Some.WorkflowJson("a"), "alice"), ct))!;
        await store.PublishAsync(tenant, id, cancellationToken: ct);
        await store.SaveDraftAsync(tenant, id, new WorkflowDraft(Some.WorkflowJson("b"), v1.ConcurrencyStamp, "bob"), ct);

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(
            async () =>
            {
                _ = i % 3 == 2
                    ? await store.RollbackAsync(tenant, id, 1, "ops", ct)
                    : await store.PublishAsync(tenant, id, i % 2 + 1, ct);
            },
            ct)));

        var versions = await store.ListVersionsAsync(tenant, id, ct);
        versions.Count(v => v.IsPublished).ShouldBe(1);
        versions.Count(v => v.IsLatest).ShouldBe(1);
        versions.Select(v => v.Version).ShouldBe(Enumerable.Range(1, versions.Count).Reverse());
        var header = (await store.GetAsync(tenant, id, ct))!;
        header.PublishedVersion.ShouldBe(versions.Single(v => v.IsPublished).Version);
        header.LatestVersion.ShouldBe(versions.Max(v => v.Version));
        versions.Single(v => v.IsLatest).Version.ShouldBe(header.LatestVersion);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Queries_OfAnotherTenant_NeverSeeTheDefinition(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowDefinitionStore>();
        var (a, b) = (Some.TenantId(), Some.TenantId());
        var id = Some.DefinitionId();
        var v1 = (await store.CreateAsync(a, new NewWorkflowDefinition(id, "A's", null, Some.WorkflowJson("a"), "alice"), ct))!;
        await store.PublishAsync(a, id, cancellationToken: ct);

        (await store.ListAsync(b, ct)).ShouldBeEmpty();
        (await store.GetAsync(b, id, ct)).ShouldBeNull();
        (await store.GetLatestVersionAsync(b, id, ct)).ShouldBeNull();
        (await store.GetPublishedVersionAsync(b, id, ct)).ShouldBeNull();
        (await store.ListVersionsAsync(b, id, ct)).ShouldBeEmpty();
        (await store.PublishAsync(b, id, cancellationToken: ct)).ShouldBeNull();
        (await store.SaveDraftAsync(b, id, new WorkflowDraft("{}", v1.ConcurrencyStamp, "eve"), ct)).Status.ShouldBe(SaveDraftStatus.NotFound);
        (await store.DeleteAsync(b, id, ct)).ShouldBeFalse();

        // The same definition id is free in tenant B.
        (await store.CreateAsync(b, new NewWorkflowDefinition(id, "B's", null, Some.WorkflowJson("b"), "bob"), ct)).ShouldNotBeNull();
        (await store.GetPublishedVersionAsync(a, id, ct))!.Json.ShouldContain("\"a\"");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CreateAsync_ExistingId_ReturnsNull_AndDeleteRemovesEverything(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IWorkflowDefinitionStore>();
        var tenant = Some.TenantId();
        var id = Some.DefinitionId();
        (await store.CreateAsync(tenant, new NewWorkflowDefinition(id, "W", null, Some.WorkflowJson("a"), null), ct)).ShouldNotBeNull();
        (await store.CreateAsync(tenant, new NewWorkflowDefinition(id, "W2", null, Some.WorkflowJson("b"), null), ct)).ShouldBeNull();

        (await store.DeleteAsync(tenant, id, ct)).ShouldBeTrue();
        (await store.GetAsync(tenant, id, ct)).ShouldBeNull();
        (await store.ListVersionsAsync(tenant, id, ct)).ShouldBeEmpty();
    }
}
