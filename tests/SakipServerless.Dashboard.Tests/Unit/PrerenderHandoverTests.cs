extern alias dashboard;
using System.Security.Claims;
using dashboard::SakipServerless.Dashboard.Auth;
using dashboard::SakipServerless.Dashboard.Overview;
using dashboard::SakipServerless.Dashboard.Shared;
using Microsoft.Extensions.Caching.Memory;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>What a prerendered page hands to its circuit on the server: once, and only to the same session and page.</summary>
public sealed class PrerenderHandoverTests
{
    private static ClaimsPrincipal Session(string user, string token) => new(new ClaimsIdentity(
        [new Claim(DashboardClaims.TenantId, "bantul"), new Claim(DashboardClaims.UserId, user), new Claim(DashboardClaims.Token, token)], DashboardClaims.Scheme));

    [Fact]
    public void TheCircuitTakesThePrerenderedRead_Once()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var handover = new PrerenderHandover(cache);
        var view = new OverviewView { CurrentYear = 2026 };

        handover.Keep(Session("sekda", "t1"), "ringkasan?periode=2026-Q3", view);

        Assert.Same(view, handover.Take<OverviewView>(Session("sekda", "t1"), "ringkasan?periode=2026-Q3"));
        Assert.Null(handover.Take<OverviewView>(Session("sekda", "t1"), "ringkasan?periode=2026-Q3")); // a second circuit reads the backend
    }

    [Fact]
    public void AnotherSession_OrAnotherPage_FindsNothing()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var handover = new PrerenderHandover(cache);
        handover.Keep(Session("sekda", "t1"), "ringkasan", new OverviewView());

        Assert.Null(handover.Take<OverviewView>(Session("sekda", "t2"), "ringkasan")); // signed in again
        Assert.Null(handover.Take<OverviewView>(Session("bupati", "t1"), "ringkasan"));
        Assert.Null(handover.Take<OverviewView>(Session("sekda", "t1"), "ringkasan?opd=dinas-pendidikan"));
        Assert.NotNull(handover.Take<OverviewView>(Session("sekda", "t1"), "ringkasan"));
    }
}
