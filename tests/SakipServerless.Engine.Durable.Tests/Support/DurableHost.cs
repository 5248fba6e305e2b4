using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core.Storage;
using SakipServerless.Engine.Durable.Client;
using SakipServerless.Storage.Sqlite;

namespace SakipServerless.Engine.Durable.Tests.Support;

/// <summary>The durable engine on the in-memory test host, writing its projection to a SQLite store of its own.</summary>
public sealed class DurableHost : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sakip-durable-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase? _database;
    private DurableTaskTestHost? _host;

    public IRunStore Store { get; private set; } = null!;

    public DurableRunClient Runs { get; private set; } = null!;

    /// <summary>The task hub's own client, for what an operator does behind the engine (terminate from the portal, say).</summary>
    public Microsoft.DurableTask.Client.DurableTaskClient Client => _host!.Client;

    /// <summary>Where the projection's notifications wait for the dispatcher.</summary>
    public INotificationStore Notifications { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "runs.db"));
        Store = new SqliteRunStore(_database);
        Notifications = new SqliteNotificationStore(_database);
        _host = await DurableTaskTestHost.StartAsync(r => r.AddSakipRunEngine(),
            new DurableTaskTestHostOptions { ConfigureServices = services => services.AddSingleton(Store) });
        Runs = new DurableRunClient(_host.Client);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _database?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a checkpoint still closing its file; the temp folder is cleaned by the system
        }
    }
}
