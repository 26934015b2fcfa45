using BenchmarkDotNet.Running;
using RulesEngine.Benchmarks;

// `dotnet run -c Release -- once` prints the one-shot figures; `-- api` the list-endpoint latencies; anything else goes to BenchmarkDotNet's switcher
// (e.g. `-- --filter '*' --job short`).
if (args.Length > 0 && args[0] == "once")
{
    OneShotMeasurements.Run();
    return;
}

if (args.Length > 0 && args[0] == "pgserver")
{
    // A throw-away PostgreSQL for the webhook bench (bench/webhook/serve.sh DB=postgres): prints its connection string, runs until stdin closes.
    await using var pg = await RulesEngine.TestSupport.PostgreSql.PostgreSqlServer.StartAsync();
    Console.WriteLine(await pg.CreateDatabaseAsync("webhook"));
    await Console.In.ReadToEndAsync();
    return;
}

if (args.Length > 0 && args[0] == "cron")
{
    await CronLateness.RunAsync(args);
    return;
}

if (args.Length > 0 && args[0] == "api")
{
    await ApiListLatency.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(InterpreterBenchmark).Assembly).Run(args);
