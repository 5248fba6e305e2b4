using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Core.Storage;
using SakipServerless.Storage.Contract.Emulators;
using SakipServerless.Storage.Sqlite;

namespace SakipServerless.Engine.Durable.Local.Tests.Support;

/// <summary>Azurite, a SQLite store in a temporary folder, and the local durable engine (sidecar and worker) in this process.</summary>
public sealed class LocalEngineHost : IAsyncLifetime
{
    private readonly AzuriteAccountFixture _azurite = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sakip-local-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase? _database;

    public IRunStore Store { get; private set; } = null!;

    public LocalDurableEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Directory.CreateDirectory(_folder);
        _database = new SqliteDatabase(Path.Combine(_folder, "runs.db"));
        Store = new SqliteRunStore(_database);
        Engine = await LocalDurableEngine.StartAsync(new LocalSidecarOptions(_azurite.ConnectionString), services => services.AddSingleton(Store));
    }

    public async Task DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }

        _database?.Dispose();
        await _azurite.DisposeAsync();
        TempFolder.Delete(_folder);
    }
}
