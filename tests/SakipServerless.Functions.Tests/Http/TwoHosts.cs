using SakipServerless.Functions.Tests.Support;

namespace SakipServerless.Functions.Tests.Http;

/// <summary>The local host and the Functions app, each on its own store seeded alike, for side-by-side requests.</summary>
public sealed class TwoHosts : IAsyncLifetime
{
    public LocalHost Local { get; private set; } = null!;

    public FunctionsApp Functions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Local = await LocalHost.StartAsync(TestSettings.For(TestSettings.NewDatabasePath()));
        Functions = FunctionsApp.Build(TestSettings.For(TestSettings.NewDatabasePath()));
        await World.SeedAsync(Local.Services);
        await World.SeedAsync(Functions.Services);
    }

    public async Task DisposeAsync()
    {
        await Local.DisposeAsync();
        await Functions.DisposeAsync();
    }
}
