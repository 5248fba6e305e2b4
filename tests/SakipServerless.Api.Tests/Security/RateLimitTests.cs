using System.Net;
using System.Net.Http.Json;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_BeyondItsLimit_Is429_WithRetryAfter_InIndonesian()
    {
        await using var factory = new ApiFactory(settings: Limits(signIn: 38));
        await new TestWorld(factory).SeedAsync();
        var client = factory.CreateClient();
        var answers = new List<HttpResponseMessage>();
        for (int i = 0; i < 40; i++)
        {
            answers.Add(await client.PostAsJsonAsync("/api/dev/token", new { tenantId = TestWorld.Tenant, userId = "admin" }));
        }

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(38, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, refused.Count);
        var problem = await refused[0].ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate-limited", problem.GetProperty("code").GetString());
        Assert.Contains("Tunggu", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(int.Parse(refused[0].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
    }

    [Fact]
    public async Task SignIn_IsLimitedPerAccount_SoColleaguesBehindOneServerDoNotLockEachOtherOut()
    {
        // Everyone signs in through the dashboard server: one address for the whole pemda.
        await using var factory = new ApiFactory(settings: Limits(signIn: 3), services: TestPeerAddress.Register);
        await new TestWorld(factory).SeedAsync();
        var dashboard = factory.CreateClient();
        dashboard.DefaultRequestHeaders.Add(TestPeerAddress.Header, "10.0.0.5");

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(dashboard, "admin")).StatusCode);
        }

        await (await SignInAsync(dashboard, "admin")).ProblemAsync(HttpStatusCode.TooManyRequests);
        await (await SignInAsync(dashboard, "ADMIN ")).ProblemAsync(HttpStatusCode.TooManyRequests); // the same account, spelt differently
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(dashboard, "sekda")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(dashboard, "sekda", TestWorld.OtherTenant)).StatusCode);
    }

    [Fact]
    public async Task SignIn_AddressFloodGuard_SeesTheForwardedClient_OnlyBehindATrustedProxy()
    {
        var settings = Limits(signIn: 100);
        settings["Sakip:RateLimits:SignInPerAddressPermitLimit"] = "2";
        settings["Sakip:RateLimits:TrustedProxies:0"] = "10.0.0.5";
        await using var factory = new ApiFactory(settings: settings, services: TestPeerAddress.Register);
        await new TestWorld(factory).SeedAsync();

        // Through the trusted dashboard server: each browser address has its own allowance.
        var viaDashboard = factory.CreateClient();
        viaDashboard.DefaultRequestHeaders.Add(TestPeerAddress.Header, "10.0.0.5");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(viaDashboard, "admin", forwardedFor: "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(viaDashboard, "sekda", forwardedFor: "198.51.100.1")).StatusCode);
        await (await SignInAsync(viaDashboard, "admin", forwardedFor: "198.51.100.1")).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(viaDashboard, "admin", forwardedFor: "203.0.113.9, 198.51.100.2")).StatusCode);

        // Straight from an untrusted peer, a forged header does not buy a fresh allowance.
        var direct = factory.CreateClient();
        direct.DefaultRequestHeaders.Add(TestPeerAddress.Header, "192.0.2.44");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(direct, "admin", forwardedFor: "192.0.2.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(direct, "sekda", forwardedFor: "192.0.2.2")).StatusCode);
        await (await SignInAsync(direct, "admin", forwardedFor: "192.0.2.3")).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task App_RefusesToStart_WithATrustedProxyThatIsNoAddress()
    {
        var settings = Limits(signIn: 10);
        settings["Sakip:RateLimits:TrustedProxies:0"] = "dashboard.local";
        await using var factory = new ApiFactory(settings: settings);
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("dashboard.local", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userId, string tenant = TestWorld.Tenant, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dev/token") { Content = JsonContent.Create(new { tenantId = tenant, userId }) };
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task Uploads_AreLimitedPerUser_SoOneUserDoesNotThrottleColleagues()
    {
        await using var w = await EvidenceWorld.CreateAsync(Limits(signIn: 100, upload: 2));
        var politik = await w.ClientAsync("kesbangpol-bid-politik");
        var ketahanan = await w.ClientAsync("kesbangpol-bid-ketahanan");

        await w.UploadOkAsync(politik, SampleFiles.Pdf(1), "a.pdf");
        await w.UploadOkAsync(politik, SampleFiles.Pdf(2), "b.pdf");
        var third = await EvidenceWorld.UploadAsync(politik, w.RunId, SampleFiles.Pdf(3), "c.pdf");
        var chunk = await politik.PostJsonAsync($"/api/runs/{w.RunId}/uploads", new { fileName = "d.pdf", size = 100 });
        var colleague = await EvidenceWorld.UploadAsync(ketahanan, w.RunId, SampleFiles.Pdf(4), "d.pdf");

        await third.ProblemAsync(HttpStatusCode.TooManyRequests);
        await chunk.ProblemAsync(HttpStatusCode.TooManyRequests);
        await colleague.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(3, (await (await politik.GetAsync($"/api/runs/{w.RunId}/files")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());
    }

    [Fact]
    public async Task OtherEndpoints_AreNotLimited()
    {
        await using var w = await EvidenceWorld.CreateAsync(Limits(signIn: 100, upload: 1), toCollectStep: false);
        var kabid = await w.ClientAsync("kesbangpol-kabid");

        for (int i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await kabid.GetAsync($"/api/runs/{w.RunId}")).StatusCode);
        }
    }

    private static Dictionary<string, string?> Limits(int signIn, int upload = 100) => new()
    {
        ["Sakip:RateLimits:Enabled"] = "true",
        ["Sakip:RateLimits:SignInPermitLimit"] = signIn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sakip:RateLimits:UploadPermitLimit"] = upload.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
