using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.MasterData;

public sealed class TenantsApiTests : SeededApiTest
{
    [Fact]
    public async Task Current_IsReadByEveryoneOfThePemda_WithTheZoneLabel()
    {
        var staff = await World.ClientAsync("kesbangpol-bid-politik");

        var tenant = await (await staff.GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(TestWorld.Tenant, tenant.GetProperty("id").GetString());
        Assert.Equal("Asia/Makassar", tenant.GetProperty("timeZone").GetString());
        Assert.Equal("WITA", tenant.GetProperty("zoneLabel").GetString());
    }

    [Fact]
    public async Task Current_OfAnotherPemda_IsItsOwn()
    {
        var bantul = await World.ClientAsync("admin", TestWorld.OtherTenant);

        var tenant = await (await bantul.GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(TestWorld.OtherTenant, tenant.GetProperty("id").GetString());
        Assert.Equal("WIB", tenant.GetProperty("zoneLabel").GetString());
    }

    [Fact]
    public async Task Put_ByAdmin_ReplacesTheSettings()
    {
        var admin = await World.ClientAsync("admin");

        var saved = await (await admin.PutJsonAsync("/api/tenants/current", new
        {
            name = "  Pemerintah Kabupaten   Jeneponto ",
            timeZone = "wib",
            liburDaerah = new[] { "2026-05-11", "2026-02-01", "2026-05-11" },
            capaianCap = 120,
        })).JsonAsync(HttpStatusCode.OK);

        var read = await (await admin.GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(saved.ToString(), read.ToString());
        Assert.Equal("Pemerintah Kabupaten Jeneponto", read.GetProperty("name").GetString());
        Assert.Equal("Asia/Jakarta", read.GetProperty("timeZone").GetString());
        Assert.Equal(["2026-02-01", "2026-05-11"], read.GetProperty("liburDaerah").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(120m, read.GetProperty("capaianCap").GetDecimal());
    }

    [Fact]
    public async Task Current_StartsWithTheDefaultCapOf120()
    {
        var tenant = await (await (await World.ClientAsync("kesbangpol-kabid")).GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(120m, tenant.GetProperty("capaianCap").GetDecimal());
    }

    [Fact]
    public async Task Put_WithoutACap_KeepsTheDefault_AndNoCapIsOnlyWhatThePemdaSaysExplicitly()
    {
        var admin = await World.ClientAsync("admin");

        var omitted = await (await admin.PutJsonAsync("/api/tenants/current", new { name = "Kabupaten Sambas", timeZone = "Asia/Pontianak", capaianCap = (decimal?)null }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("WIB", omitted.GetProperty("zoneLabel").GetString());
        Assert.Equal(120m, omitted.GetProperty("capaianCap").GetDecimal());

        var uncapped = await (await admin.PutJsonAsync("/api/tenants/current", new { name = "Kabupaten Sambas", timeZone = "Asia/Pontianak", capaianUncapped = true }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.False(uncapped.TryGetProperty("capaianCap", out _));

        var both = await (await admin.PutJsonAsync("/api/tenants/current", new { name = "Kabupaten Sambas", timeZone = "Asia/Pontianak", capaianCap = 120, capaianUncapped = true }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(both.GetProperty("errors").TryGetProperty("capaianUncapped", out _));
        var read = await (await admin.GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);
        Assert.False(read.TryGetProperty("capaianCap", out _)); // the refused request changed nothing
    }

    /// <summary>The calendar is cached per tenant; a new libur daerah must move the next due time at once.</summary>
    [Fact]
    public async Task Put_LiburDaerah_MovesTheNextDueTime_WithoutARestart()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        var q1 = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q1" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2026, 4, 6), DueDate(q1));

        var admin = await World.ClientAsync("admin");
        await (await admin.PutJsonAsync("/api/tenants/current", new { name = "Kabupaten Jeneponto", timeZone = "Asia/Makassar", liburDaerah = new[] { "2026-04-06" } }))
            .JsonAsync(HttpStatusCode.OK);

        var q2 = await (await head.PostJsonAsync("/api/runs", new { opdId = TestWorld.Opd, period = "2026-Q2" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(new DateOnly(2026, 4, 7), DueDate(q2));
    }

    private static DateOnly DueDate(System.Text.Json.JsonElement run) =>
        DateOnly.FromDateTime(run.Step("menugaskan-kasubag-kasubid").GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).DateTime);

    [Theory]
    [InlineData("""{ "timeZone": "Asia/Makassar" }""", "name")]
    [InlineData("""{ "name": "Jeneponto" }""", "timeZone")]
    [InlineData("""{ "name": "Jeneponto", "timeZone": "Asia/Singapore" }""", "timeZone")]
    [InlineData("""{ "name": "Jeneponto", "timeZone": "Europe/Amsterdam" }""", "timeZone")]
    [InlineData("""{ "name": "Jeneponto", "timeZone": "Asia/Makassar", "capaianCap": 110 }""", "capaianCap")]
    [InlineData("""{ "name": "Jeneponto", "timeZone": "Asia/Makassar", "capaianCap": "banyak" }""", "capaianCap")]
    [InlineData("""{ "name": "Jeneponto", "timeZone": "Asia/Makassar", "liburDaerah": ["2026-13-40"] }""", "liburDaerah[0]")]
    [InlineData("""{ "name": "Jeneponto", "timeZone": "Asia/Makassar", "liburDaerah": "2026-05-11" }""", "liburDaerah")]
    [InlineData("""{ "name": 42, "timeZone": "Asia/Makassar" }""", "name")]
    public async Task Put_WithBadInput_Is400_NamingTheField_AndChangesNothing(string json, string field)
    {
        var admin = await World.ClientAsync("admin");
        var before = await (await admin.GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);

        await (await admin.SendJsonAsync(HttpMethod.Put, "/api/tenants/current", json)).ValidationAsync(field);

        var after = await (await admin.GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task Put_WithBrokenJson_Is400()
    {
        var admin = await World.ClientAsync("admin");

        var problem = await (await admin.SendJsonAsync(HttpMethod.Put, "/api/tenants/current", """{ "name": "Jeneponto", """)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("json-unreadable", problem.GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("sekda")]
    [InlineData("kesbangpol-kepala")]
    [InlineData("kesbangpol-kasubag-perencanaan")]
    public async Task Put_ByAnyoneButTheAdmin_Is403_AndChangesNothing(string userId)
    {
        var client = await World.ClientAsync(userId);

        await (await client.PutJsonAsync("/api/tenants/current", new { name = "Diambil alih", timeZone = "Asia/Jakarta" })).ProblemAsync(HttpStatusCode.Forbidden);

        var tenant = await (await client.GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Asia/Makassar", tenant.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Put_ByAnotherPemdasAdmin_ChangesOnlyThatPemda()
    {
        var bantul = await World.ClientAsync("admin", TestWorld.OtherTenant);

        await (await bantul.PutJsonAsync("/api/tenants/current", new { name = "Kabupaten Bantul", timeZone = "Asia/Jakarta", capaianCap = 100 })).JsonAsync(HttpStatusCode.OK);

        var jeneponto = await (await (await World.ClientAsync("admin")).GetAsync("/api/tenants/current")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(120m, jeneponto.GetProperty("capaianCap").GetDecimal());
    }
}
