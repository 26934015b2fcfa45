namespace RulesEngine.Host.Tests.Api.Support;

/// <summary>One SQLite host for the API tests that need no host of their own (each test still makes its own tenant).</summary>
public sealed class SharedHost : IAsyncLifetime
{
    private TestHost? _host;

    public TestHost Host => _host ?? throw new InvalidOperationException("the shared host has not started");

    public async ValueTask InitializeAsync() => _host = await TestHost.StartSqliteAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
