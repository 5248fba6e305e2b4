using Microsoft.Extensions.DependencyInjection;
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

using var database = new SqliteDatabase(args[2]);
var store = new SqliteRunStore(database);
await using (var engine = await LocalDurableEngine.StartAsync(new LocalSidecarOptions(args[0], args[1]), services => services.AddSingleton<IRunStore>(store)))
{
    Console.WriteLine($"ready {engine.SidecarAddress}");
    await Console.In.ReadToEndAsync();
}

return 0;
