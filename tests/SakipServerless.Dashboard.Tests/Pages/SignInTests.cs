using System.Net;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>Sign-in, sessions and the way pages refuse a visitor without one.</summary>
[Collection(SystemCollection.Name)]
public sealed class SignInTests(SystemFixture system)
{
    [Fact]
    public async Task Overview_WithoutSession_RedirectsToSignIn_WithTheWayBack()
    {
        using var anonymous = new DashboardSession(system.Dashboard.BaseAddress);
        var (status, _, location) = await anonymous.GetAsync("/ringkasan?periode=2026-Q3");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/masuk", DashboardSession.PathOf(location));
        Assert.Contains("kembali=" + Uri.EscapeDataString("/ringkasan?periode=2026-Q3"), DashboardSession.PathOf(location));
    }

    [Fact]
    public async Task SignIn_AsPimpinan_LandsOnTheOverview_AndStaffOnTheirTasks()
    {
        using var sekda = await system.SignInAsync("bantul", "sekda");
        var (_, _, home) = await sekda.GetAsync("/");
        Assert.Equal("/ringkasan", DashboardSession.PathOf(home));

        using var staff = await system.SignInAsync("banggai", "staf-desa-maasing");
        var (_, _, staffHome) = await staff.GetAsync("/");
        Assert.Equal("/tugas", DashboardSession.PathOf(staffHome));
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnly_AndTheTokenIsNotReadableInIt()
    {
        using var session = new DashboardSession(system.Dashboard.BaseAddress);
        var answer = await session.PostFormAsync("/masuk", "masuk", new() { ["Form.Pemda"] = "bantul", ["Form.Pengguna"] = "sekda" });

        string cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sakip.sesi=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var api = await system.ApiAsAsync("bantul", "sekda");
        Assert.DoesNotContain(api.DefaultRequestHeaders.Authorization!.Parameter!, cookie); // encrypted, not the raw token
    }

    [Fact]
    public async Task SignIn_WithUnknownUser_ShowsTheBackendsMessageNextToTheField()
    {
        using var session = new DashboardSession(system.Dashboard.BaseAddress);
        var answer = await session.PostFormAsync("/masuk", "masuk", new() { ["Form.Pemda"] = "bantul", ["Form.Pengguna"] = "tidak-ada" });
        string html = await answer.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("class=\"field-error\"", html);
        Assert.Contains("tidak-ada", html);
    }

    [Fact]
    public async Task SignIn_FromAnotherSite_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var session = new DashboardSession(system.Dashboard.BaseAddress);
        var answer = await session.Http.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "masuk", ["Form.Pemda"] = "bantul", ["Form.Pengguna"] = "sekda",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.DoesNotContain(session.Cookies.GetCookies(system.Dashboard.BaseAddress), c => c.Name == "sakip.sesi");
    }

    [Fact]
    public async Task SignIn_ReturnsOnlyToLocalPaths()
    {
        using var session = new DashboardSession(system.Dashboard.BaseAddress);
        var answer = await session.PostFormAsync("/masuk?kembali=https%3A%2F%2Fevil.example%2F", "masuk",
            new() { ["Form.Pemda"] = "bantul", ["Form.Pengguna"] = "sekda" });

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/", DashboardSession.PathOf(answer.Headers.Location));
    }

    [Fact]
    public async Task UnknownAddress_AnswersNotFound_WithAPageInBahasaIndonesia()
    {
        using var session = await system.SignInAsync("bantul", "sekda");
        var (status, html, _) = await session.GetAsync("/tidak-ada");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Halaman tidak ditemukan", html);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var session = await system.SignInAsync("bantul", "sekda");
        var (_, html, _) = await session.GetAsync("/ringkasan");
        var answer = await session.Http.PostAsync("/keluar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DashboardSession.AntiforgeryToken(html),
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var (status, _, location) = await session.GetAsync("/ringkasan");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.StartsWith("/masuk", DashboardSession.PathOf(location));
    }
}
