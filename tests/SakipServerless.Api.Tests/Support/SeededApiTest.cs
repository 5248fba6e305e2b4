namespace SakipServerless.Api.Tests.Support;

/// <summary>
/// A test class whose every test gets its own backend on a fresh database, seeded by <see cref="TestWorld"/>, on the
/// run engine the class names (the embedded one unless a subclass says otherwise).
/// </summary>
public abstract class SeededApiTest(RunEngineKind engine = RunEngineKind.Embedded) : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = new(engine: engine);

    protected TestWorld World { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        World = new TestWorld(Factory);
        await World.SeedAsync();
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();
}
