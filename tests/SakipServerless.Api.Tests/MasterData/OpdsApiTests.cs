using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.MasterData;

public sealed class OpdsApiTests : SeededApiTest
{
    private static object Dinsos(string? id = "dinsos") => new
    {
        id,
        name = "Dinas Sosial",
        templateId = TestWorld.TemplateId,
        units = new[]
        {
            new { id = "sekretariat", name = "Sekretariat" },
            new { id = "bid-rehsos", name = "Bidang Rehabilitasi Sosial" },
        },
    };

    [Theory]
    [InlineData("admin", 2)]
    [InlineData("sekda", 2)]
    [InlineData("kesbangpol-kabid", 1)]
    [InlineData("bappeda-bid-ideologi", 1)]
    public async Task List_ShowsTheOpdsTheUserMayRead(string userId, int expected)
    {
        var client = await World.ClientAsync(userId);

        var opds = await (await client.GetAsync("/api/opds")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(expected, opds.GetArrayLength());
        if (expected == 1)
        {
            Assert.Equal(userId.Split('-')[0], opds[0].GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Get_OwnOpd_WithUnits_ButNotAnotherOpd()
    {
        var kabid = await World.ClientAsync("kesbangpol-kabid");

        var opd = await (await kabid.GetAsync($"/api/opds/{TestWorld.Opd}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, opd.GetProperty("units").GetArrayLength());

        await (await kabid.GetAsync($"/api/opds/{TestWorld.OtherOpd}")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await kabid.GetAsync("/api/opds/tidak-ada")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_ByAdmin_IsReadBack_AndASecondCreateIs409()
    {
        var admin = await World.ClientAsync("admin");

        var response = await admin.PostJsonAsync("/api/opds", Dinsos());
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/opds/dinsos", response.Headers.Location?.OriginalString);
        Assert.Equal(TestWorld.Tenant, created.GetProperty("tenantId").GetString());

        var read = await (await admin.GetAsync("/api/opds/dinsos")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["sekretariat", "bid-rehsos"], read.GetProperty("units").Strings("id"));

        var again = await (await admin.PostJsonAsync("/api/opds", Dinsos())).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("opd-exists", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnotherPemda_DoesNotSeeTheOpd()
    {
        await (await (await World.ClientAsync("admin")).PostJsonAsync("/api/opds", Dinsos())).JsonAsync(HttpStatusCode.Created);
        var bantul = await World.ClientAsync("admin", TestWorld.OtherTenant);

        await (await bantul.GetAsync("/api/opds/dinsos")).ProblemAsync(HttpStatusCode.NotFound);
        await (await bantul.PutJsonAsync("/api/opds/dinsos", Dinsos(null))).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await bantul.GetAsync("/api/opds")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("dinsos", list.Strings("id"));
    }

    [Theory]
    [InlineData("""{ "name": "Dinas Sosial", "templateId": "jeneponto-kesbangpol-pengumpulan-data-kinerja" }""", "id")]
    [InlineData("""{ "id": "Dinas Sosial!", "name": "Dinas Sosial", "templateId": "jeneponto-kesbangpol-pengumpulan-data-kinerja" }""", "id")]
    [InlineData("""{ "id": "dinsos", "templateId": "jeneponto-kesbangpol-pengumpulan-data-kinerja" }""", "name")]
    [InlineData("""{ "id": "dinsos", "name": "Dinas Sosial" }""", "templateId")]
    [InlineData("""{ "id": "dinsos", "name": "Dinas Sosial", "templateId": "sop-yang-belum-terbit" }""", "templateId")]
    [InlineData("""{ "id": "dinsos", "name": "Dinas Sosial", "templateId": "jeneponto-kesbangpol-pengumpulan-data-kinerja", "units": [{ "id": "a", "name": "A" }, { "id": "a", "name": "B" }] }""", "units[1].id")]
    [InlineData("""{ "id": "dinsos", "name": "Dinas Sosial", "templateId": "jeneponto-kesbangpol-pengumpulan-data-kinerja", "units": [{ "id": "a" }] }""", "units[0].name")]
    [InlineData("""{ "id": "dinsos", "name": "Dinas Sosial", "templateId": "jeneponto-kesbangpol-pengumpulan-data-kinerja", "units": "sekretariat" }""", "units")]
    [InlineData("""{ "id": "dinsos", "name": ["Dinas"], "templateId": "jeneponto-kesbangpol-pengumpulan-data-kinerja" }""", "name")]
    public async Task Create_WithBadInput_Is400_NamingTheField_AndStoresNothing(string json, string field)
    {
        var admin = await World.ClientAsync("admin");

        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/opds", json)).ValidationAsync(field);

        var list = await (await admin.GetAsync("/api/opds")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, list.GetArrayLength());
    }

    [Fact]
    public async Task Create_AsJsonWithoutContentType_Is415()
    {
        var admin = await World.ClientAsync("admin");

        var response = await admin.PostAsync("/api/opds", new StringContent("id=dinsos", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData("sekda")]
    [InlineData("kesbangpol-kepala")]
    public async Task Create_And_Update_ByNonAdmins_Are403(string userId)
    {
        var client = await World.ClientAsync(userId);

        await (await client.PostJsonAsync("/api/opds", Dinsos())).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutJsonAsync($"/api/opds/{TestWorld.Opd}", Dinsos(null))).ProblemAsync(HttpStatusCode.Forbidden);

        var opd = await (await (await World.ClientAsync("admin")).GetAsync($"/api/opds/{TestWorld.Opd}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("KESBANGPOL", opd.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_RenamesAndAddsUnits()
    {
        var admin = await World.ClientAsync("admin");
        var units = TestWorld.Units.Select(u => new { id = u.Id, name = u.Name }).Append(new { id = "sekretariat", name = "Sekretariat" });

        var updated = await (await admin.PutJsonAsync($"/api/opds/{TestWorld.Opd}", new { name = "Badan Kesatuan Bangsa dan Politik", templateId = TestWorld.TemplateId, units }))
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Badan Kesatuan Bangsa dan Politik", updated.GetProperty("name").GetString());
        var read = await (await admin.GetAsync($"/api/opds/{TestWorld.Opd}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, read.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task Update_RemovingAUnitPeopleBelongTo_Is409_NamingThem_AndChangesNothing()
    {
        var admin = await World.ClientAsync("admin");
        var units = TestWorld.Units.Skip(1).Select(u => new { id = u.Id, name = u.Name });

        var problem = await (await admin.PutJsonAsync($"/api/opds/{TestWorld.Opd}", new { name = "KESBANGPOL", templateId = TestWorld.TemplateId, units }))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("unit-in-use", problem.GetProperty("code").GetString());
        Assert.Equal(["kesbangpol-bid-ideologi"], problem.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        var read = await (await admin.GetAsync($"/api/opds/{TestWorld.Opd}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, read.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public async Task Update_CannotChangeTheId()
    {
        var admin = await World.ClientAsync("admin");

        await (await admin.PutJsonAsync($"/api/opds/{TestWorld.Opd}", new { id = "kesbang", name = "KESBANGPOL", templateId = TestWorld.TemplateId })).ValidationAsync("id");
    }
}
