using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace RulesEngine.TestSupport.PostgreSql;

/// <summary>
/// A throw-away PostgreSQL server for tests: initdb into a temp folder, pg_ctl start on a free 127.0.0.1 port with
/// its unix socket in that folder, trust authentication, durability off (fast). Dispose stops it and deletes the folder.
/// initdb refuses to run as root, so under root the server programs run as the <c>postgres</c> system user
/// (created with useradd when missing) through runuser.
/// Most tests want <see cref="Shared"/>: one server per test process, one database per test via <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private const string FolderPrefix = "rulesengine-pg-";
    private const string OwnerLockFile = "owner.lock";
    private static readonly Lazy<Task<PostgreSqlServer>> SharedServer = new(StartSharedAsync);
    private readonly string binDirectory;
    private readonly string rootDirectory;
    private readonly string? runAs;
    private FileStream? ownerLock;
    private int disposed;

    private PostgreSqlServer(string binDirectory, string rootDirectory, string? runAs, int port)
    {
        this.binDirectory = binDirectory;
        this.rootDirectory = rootDirectory;
        this.runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Connection string of the <c>postgres</c> maintenance database (superuser <c>postgres</c>).</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    private string DataDirectory => Path.Combine(rootDirectory, "data");

    /// <summary>
    /// One server for the whole test process, started on first use and stopped when the process exits.
    /// Fails with a message that says how to install PostgreSQL when the binaries are missing.
    /// </summary>
    public static Task<PostgreSqlServer> Shared() => SharedServer.Value;

    /// <summary>Starts a new server. Throws with install instructions when the binaries are missing.</summary>
    public static async Task<PostgreSqlServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = PostgreSqlBinaries.FindOrThrow();
        var runAs = IsRoot() ? await EnsureServiceUserAsync(cancellationToken).ConfigureAwait(false) : null;
        await StopAbandonedServersAsync(bin, runAs, cancellationToken).ConfigureAwait(false);
        var root = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);

        // Held for the server's lifetime; a later run that can take it knows this process died without cleaning up.
        var ownerLock = new FileStream(Path.Combine(root, OwnerLockFile), FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        try
        {
            if (runAs is not null)
            {
                await RunAsync("chown", [$"{runAs}:", root], null, cancellationToken).ConfigureAwait(false);
            }

            var server = new PostgreSqlServer(bin, root, runAs, 0);
            await server.RunToolAsync("initdb", ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken).ConfigureAwait(false);

            // A free port can be taken between our probe and the server's bind; try a few.
            Exception? last = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var port = FreePort();
                var started = new PostgreSqlServer(bin, root, runAs, port);
                try
                {
                    await started.RunToolAsync(
                        "pg_ctl",
                        [
                            "-D", started.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200 -F -c synchronous_commit=off -c full_page_writes=off",
                            "start",
                        ],
                        cancellationToken).ConfigureAwait(false);
                    started.ownerLock = ownerLock;
                    return started;
                }
                catch (InvalidOperationException ex)
                {
                    last = ex;
                }
            }

            throw new InvalidOperationException("PostgreSQL did not start: " + last?.Message + Environment.NewLine + ReadLog(root), last);
        }
        catch
        {
            await ownerLock.DisposeAsync().ConfigureAwait(false);
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Creates a database (a fresh random name when none is given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= "test_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>Drops a database, closing its connections first.</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        MaxPoolSize = 50,
    }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already stopped; still delete the folder.
        }

        if (ownerLock is not null)
        {
            await ownerLock.DisposeAsync().ConfigureAwait(false);
        }

        TryDelete(rootDirectory);
    }

    // A test process killed before it could dispose leaves its server running; stop those whose owner is gone.
    private static async Task StopAbandonedServersAsync(string bin, string? runAs, CancellationToken cancellationToken)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            try
            {
                using (new FileStream(Path.Combine(dir, OwnerLockFile), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    // We got the lock: nobody owns this server any more.
                }
            }
            catch (IOException)
            {
                continue; // alive (locked) or not ours to judge
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            var abandoned = new PostgreSqlServer(bin, dir, runAs, 0);
            if (File.Exists(Path.Combine(abandoned.DataDirectory, "postmaster.pid")))
            {
                try
                {
                    await abandoned.RunToolAsync("pg_ctl", ["-D", abandoned.DataDirectory, "-m", "immediate", "-w", "stop"], cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidOperationException)
                {
                    // Not running after all.
                }
            }

            TryDelete(dir);
        }
    }

    private static async Task<PostgreSqlServer> StartSharedAsync()
    {
        var server = await StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var program = Path.Combine(binDirectory, tool);
        return runAs is null
            ? RunAsync(program, arguments, rootDirectory, cancellationToken)
            : RunAsync("runuser", ["-u", runAs, "--", program, .. arguments], rootDirectory, cancellationToken);
    }

    private static async Task<string> EnsureServiceUserAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync("id", ["-u", ServiceUser], null, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            await RunAsync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ServiceUser], null, cancellationToken).ConfigureAwait(false);
        }

        return ServiceUser;
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ReadLog(string root)
    {
        var log = Path.Combine(root, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind must not fail a test run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
