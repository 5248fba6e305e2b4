namespace SakipServerless.Api.Seeding;

/// <summary>What one demo seed stored.</summary>
internal sealed record DemoSeedResult(int Tenants, int Runs, TimeSpan Elapsed);
