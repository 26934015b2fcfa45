using System.Diagnostics;

namespace RulesEngine.TestSupport.PostgreSql;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) on this machine.</summary>
public static class PostgreSqlBinaries
{
    /// <summary>Environment variable that points at a bin folder holding initdb and pg_ctl, to override the search.</summary>
    public const string BinDirectoryVariable = "RULESENGINE_PG_BIN";

    /// <summary>The folder with initdb and pg_ctl, or null. Looks at RULESENGINE_PG_BIN, <c>pg_config --bindir</c>, then /usr/lib/postgresql/*/bin (newest first).</summary>
    public static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(BinDirectoryVariable);
        if (HasServerPrograms(fromEnvironment))
        {
            return fromEnvironment;
        }

        var fromPgConfig = TryPgConfig();
        if (HasServerPrograms(fromPgConfig))
        {
            return fromPgConfig;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            foreach (var dir in Directory.GetDirectories(debianRoot)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            {
                var bin = Path.Combine(dir, "bin");
                if (HasServerPrograms(bin))
                {
                    return bin;
                }
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Find"/> but throws an exception that tells how to install PostgreSQL.</summary>
    public static string FindOrThrow() => Find() ?? throw new InvalidOperationException(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found, so the PostgreSQL tests cannot run. " +
        "Install them (Debian: apt-get install -y postgresql-15) or set " + BinDirectoryVariable +
        " to the folder that holds initdb and pg_ctl.");

    private static bool HasServerPrograms(string? dir)
        => !string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

    private static string? TryPgConfig()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not installed
        }
    }
}
