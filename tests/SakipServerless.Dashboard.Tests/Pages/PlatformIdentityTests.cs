using System.Net;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>Behind App Service Authentication: the platform's access token opens the session; elsewhere the same header is ignored.</summary>
[Collection(SystemCollection.Name)]
public sealed class PlatformIdentityTests(SystemFixture system)
{
    [Fact]
    public async Task WithPlatformIdentity_TheTokenStoresHeader_SignsTheUserIn_AndSignOutEndsThePlatformSessionToo()
    {
        await using var dashboard = new DashboardHost(system.Clock, system.Backend.BaseAddress, system.Folder,
            new Dictionary<string, string> { ["Dashboard:PlatformIdentity"] = "true", ["Dashboard:EnableDevSignIn"] = "false" });
        dashboard.StartServer();
        using var session = new DashboardSession(dashboard.BaseAddress);
        session.Http.DefaultRequestHeaders.Add("X-MS-TOKEN-AAD-ACCESS-TOKEN", await TokenAsync("bantul", "sekda"));

        var (status, html, _) = await session.GetAsync("/ringkasan");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Sekretaris Daerah Kabupaten Bantul", html);
        Assert.Contains(session.Cookies.GetCookies(dashboard.BaseAddress), c => c.Name == "sakip.sesi");

        var signOut = await session.Http.PostAsync("/keluar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardSession.AntiforgeryToken(html),
        }));
        Assert.StartsWith("/.auth/logout", DashboardSession.PathOf(signOut.Headers.Location));
    }

    [Fact]
    public async Task WithoutPlatformIdentity_TheHeaderIsIgnored()
    {
        using var session = new DashboardSession(system.Dashboard.BaseAddress);
        session.Http.DefaultRequestHeaders.Add("X-MS-TOKEN-AAD-ACCESS-TOKEN", await TokenAsync("bantul", "sekda"));

        var (status, _, location) = await session.GetAsync("/ringkasan");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/masuk", DashboardSession.PathOf(location));
    }

    [Fact]
    public async Task WithPlatformIdentity_ATokenTheBackendRefuses_LeadsToTheSignInPage()
    {
        await using var dashboard = new DashboardHost(system.Clock, system.Backend.BaseAddress, system.Folder,
            new Dictionary<string, string> { ["Dashboard:PlatformIdentity"] = "true" });
        dashboard.StartServer();
        using var session = new DashboardSession(dashboard.BaseAddress);
        session.Http.DefaultRequestHeaders.Add("X-MS-TOKEN-AAD-ACCESS-TOKEN", "palsu");

        var (status, _, location) = await session.GetAsync("/ringkasan");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/masuk", DashboardSession.PathOf(location));
    }

    private async Task<string> TokenAsync(string tenantId, string userId)
    {
        using var api = await system.ApiAsAsync(tenantId, userId);
        return api.DefaultRequestHeaders.Authorization!.Parameter!;
    }
}
