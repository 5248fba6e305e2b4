using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Hosting;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Storage;

namespace SakipServerless.Api.Seeding;

/// <summary>
/// Seeds demo data into an empty database when <c>Sakip:Development:SeedDemoData</c> is on (never in Production),
/// and prints the URLs and demo users once the app listens.
/// </summary>
public static class DemoSeeding
{
    /// <summary>Where the API listens when no address is known (the test host has none).</summary>
    private const string FallbackBaseUrl = "http://localhost:7071";

    public static async Task SeedDemoDataIfEnabledAsync(this WebApplication app)
    {
        var development = app.Services.GetRequiredService<IOptions<SakipOptions>>().Value.Development;
        if (!development.SeedDemoData)
        {
            return;
        }

        // Seeding runs before the app listens, so the first request already sees the demo data.
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(app.Services);
        await seeder.SeedAsync(DemoData.Load(), app.Lifetime.ApplicationStopping);

        var documents = app.Services.GetRequiredService<IDocumentStore>();
        var users = new List<AppUser>();
        foreach (var tenantId in await documents.ListTenantIdsAsync(app.Lifetime.ApplicationStopping))
        {
            users.AddRange(await documents.ListAsync<AppUser>(tenantId, DocumentKinds.User, app.Lifetime.ApplicationStopping));
        }

        app.Lifetime.ApplicationStarted.Register(() =>
            Console.Out.Write(DemoBanner.Format(BaseUrl(app), users, development.EnableDevSignIn)));
    }

    /// <summary>The first address Kestrel listens on, with a wildcard host shown as localhost so it can be clicked.</summary>
    private static string BaseUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        string? address = addresses?.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (address is null)
        {
            return FallbackBaseUrl;
        }

        foreach (var wildcard in new[] { "://0.0.0.0", "://[::]", "://+", "://*" })
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return address;
    }
}
