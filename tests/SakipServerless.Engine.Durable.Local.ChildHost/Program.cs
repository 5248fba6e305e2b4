using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Local;
using SakipServerless.Storage.Sqlite;

// Usage: ChildHost <storage connection string> <task hub> <sqlite file>
// Runs the run engine's worker and its dispatching sidecar until standard input closes (or the process is killed),
// writing projections to the SQLite file. Prints "ready <sidecar address>" once the worker is connected.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ChildHost <storage connection string> <task hub> <sqlite file>");
    return 2;
}

// Warnings and errors (of the storage provider above all) go to standard error, which the test prints when it fails.
var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("SAKIP_CHILD_LOG_LEVEL"), out var l) ? l : LogLevel.Warning;
using var logging = LoggerFactory.Create(b => b.SetMinimumLevel(level)
    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).AddSimpleConsole(o => o.SingleLine = true)
    .AddFilter("Microsoft.AspNetCore", LogLevel.Warning));
using var database = new SqliteDatabase(args[2]);
var store = new SqliteRunStore(database);
await using (var engine = await LocalDurableEngine.StartAsync(new LocalSidecarOptions(args[0], args[1]), services => services.AddSingleton<IRunStore>(store), logging))
{
    Console.WriteLine($"ready {engine.SidecarAddress}");
    await Console.In.ReadToEndAsync();
}

return 0;
