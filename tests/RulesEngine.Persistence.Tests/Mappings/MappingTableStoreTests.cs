using RulesEngine.Persistence.Mappings;

namespace RulesEngine.Persistence.Tests.Mappings;

public sealed class MappingTableStoreTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ImportCsvAsync_ValidFile_ImportsRowsWithQuotingAndHeader(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IMappingTableStore>();
        var tenant = Some.TenantId();
        const string csv = "key,value\r\nNEW,Lead\r\n\"IN_REVIEW\",\"Review, first round\"\nOFFER,\"He said \"\"yes\"\"\"\n\nMULTI,\"line1\nline2\"\n";

        var result = await store.ImportCsvAsync(tenant, "stages", new StringReader(csv), replaceExisting: false, ct);

        result.Succeeded.ShouldBeTrue();
        result.ImportedRows.ShouldBe(4);
        var rows = (await store.GetRowsAsync(tenant, "stages", ct))!;
        rows["NEW"].ShouldBe("Lead");
        rows["IN_REVIEW"].ShouldBe("Review, first round");
        rows["OFFER"].ShouldBe("He said \"yes\"");
        rows["MULTI"].ShouldBe("line1\nline2");
        (await store.ListTablesAsync(tenant, ct)).ShouldHaveSingleItem().RowCount.ShouldBe(4);
        (await store.LoadAllAsync(tenant, ct))["stages"]["NEW"].ShouldBe("Lead");

        // Replace: the table becomes exactly the new file.
        (await store.ImportCsvAsync(tenant, "stages", new StringReader("HIRED,Hired\n"), replaceExisting: true, ct)).ImportedRows.ShouldBe(1);
        (await store.GetRowsAsync(tenant, "stages", ct))!.Keys.ShouldBe(["HIRED"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ImportCsvAsync_BadLines_ReportsEachLineAndWritesNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IMappingTableStore>();
        var tenant = Some.TenantId();
        await store.UpsertTableAsync(tenant, "stages", "ATS stages", ct);
        await store.SetRowAsync(tenant, "stages", "KEEP", "me", ct);
        const string csv = "A,1\nB,2,3\n,4\nA,5\n\"C,6\n";

        var result = await store.ImportCsvAsync(tenant, "stages", new StringReader(csv), replaceExisting: true, ct);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Select(e => e.Line).ShouldBe([2, 3, 4, 5]);
        result.Errors[0].Message.ShouldContain("expected 2 columns");
        result.Errors[1].Message.ShouldContain("key is empty");
        result.Errors[2].Message.ShouldContain("duplicate key 'A' (first on line 1)");
        result.Errors[3].Message.ShouldContain("not closed");
        result.Errors[0].ToString().ShouldStartWith("line 2:");
        (await store.GetRowsAsync(tenant, "stages", ct)).ShouldBe(new Dictionary<string, string> { ["KEEP"] = "me" });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rows_CrudAndTenantIsolation(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabase.CreateAsync(provider);
        var store = db.Get<IMappingTableStore>();
        var (a, b) = (Some.TenantId(), Some.TenantId());
        (await store.SetRowAsync(a, "missing", "k", "v", ct)).ShouldBeFalse();
        await store.UpsertTableAsync(a, "t", null, ct);
        (await store.SetRowAsync(a, "t", "k", "v1", ct)).ShouldBeTrue();
        (await store.SetRowAsync(a, "t", "k", "v2", ct)).ShouldBeTrue();
        (await store.GetRowsAsync(a, "t", ct))!["k"].ShouldBe("v2");

        (await store.GetRowsAsync(b, "t", ct)).ShouldBeNull();
        (await store.ListTablesAsync(b, ct)).ShouldBeEmpty();
        (await store.LoadAllAsync(b, ct)).ShouldBeEmpty();
        (await store.SetRowAsync(b, "t", "k", "evil", ct)).ShouldBeFalse();
        (await store.DeleteRowAsync(b, "t", "k", ct)).ShouldBeFalse();
        (await store.DeleteTableAsync(b, "t", ct)).ShouldBeFalse();

        (await store.DeleteRowAsync(a, "t", "k", ct)).ShouldBeTrue();
        (await store.GetRowsAsync(a, "t", ct))!.ShouldBeEmpty();
        (await store.DeleteTableAsync(a, "t", ct)).ShouldBeTrue();
        (await store.GetRowsAsync(a, "t", ct)).ShouldBeNull();
    }
}
