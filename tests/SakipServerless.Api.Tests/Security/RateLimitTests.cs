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
