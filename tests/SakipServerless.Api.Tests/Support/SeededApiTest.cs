namespace SakipServerless.Api.Tests.Support;

/// <summary>A test class whose every test gets its own backend on a fresh database, seeded by <see cref="TestWorld"/>.</summary>
public abstract class SeededApiTest : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = new();

    protected TestWorld World { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        World = new TestWorld(Factory);
        await World.SeedAsync();
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}
