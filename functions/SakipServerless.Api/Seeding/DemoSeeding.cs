namespace SakipServerless.Api.Seeding;

/// <summary>Seeds demo data into an empty database when <c>Sakip:Development:SeedDemoData</c> is on (built by the seeding work).</summary>
public static class DemoSeeding
{
    public static Task SeedDemoDataIfEnabledAsync(this WebApplication app) => Task.CompletedTask;
}
