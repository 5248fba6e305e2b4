using System.Net;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.MasterData;

public sealed class UsersApiTests : SeededApiTest
{
    [Fact]
    public async Task Create_WithSopRoleOpdAndUnit_CanSignIn_AndSeesHimselfInMe()
    {
        var admin = await World.ClientAsync("admin");

        var response = await admin.PostJsonAsync("/api/users", new
        {
            id = "198703122010011002",
            name = "Andi Rahman, S.Sos",
            roles = new[] { "analisis-data", "analisis-data" },
            opdId = TestWorld.Opd,
            unitId = "bid-politik",
            jabatan = "Analis Data Kinerja",
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal("/api/users/198703122010011002", response.Headers.Location?.OriginalString);
        Assert.Equal(["analisis-data"], created.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var andi = await World.ClientAsync("198703122010011002");
        var me = await (await andi.GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("bid-politik", me.GetProperty("unitId").GetString());
        Assert.Equal("Analis Data Kinerja", me.GetProperty("jabatan").GetString());
    }

    [Fact]
    public async Task Create_TenantWideRole_NeedsNoOpd_AndDuplicateIs409()
    {
        var admin = await World.ClientAsync("admin");

        await (await admin.PostJsonAsync("/api/users", new { id = "irban-1", name = "Inspektur Pembantu I", roles = new[] { "inspektorat" } })).JsonAsync(HttpStatusCode.Created);
        var again = await (await admin.PostJsonAsync("/api/users", new { id = "irban-1", name = "Lain", roles = new[] { "pimpinan" } })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("user-exists", again.GetProperty("code").GetString());
        var read = await (await admin.GetAsync("/api/users/irban-1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Inspektur Pembantu I", read.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("""{ "name": "Tanpa Id" }""", "id")]
    [InlineData("""{ "id": "Budi Santoso", "name": "Budi" }""", "id")]
    [InlineData("""{ "id": "budi" }""", "name")]
    [InlineData("""{ "id": "budi", "name": "Budi", "roles": ["bupati"], "opdId": "kesbangpol" }""", "roles[0]")]
    [InlineData("""{ "id": "budi", "name": "Budi", "roles": ["kabid"] }""", "roles[0]")]
    [InlineData("""{ "id": "budi", "name": "Budi", "roles": ["kepala-opd"] }""", "roles[0]")]
    [InlineData("""{ "id": "budi", "name": "Budi", "roles": ["system"] }""", "roles[0]")]
    [InlineData("""{ "id": "budi", "name": "Budi", "roles": ["admin", ""] }""", "roles[1]")]
    [InlineData("""{ "id": "budi", "name": "Budi", "roles": "admin" }""", "roles")]
    [InlineData("""{ "id": "budi", "name": "Budi", "opdId": "dinas-tidak-ada" }""", "opdId")]
    [InlineData("""{ "id": "budi", "name": "Budi", "opdId": "kesbangpol", "unitId": "seksi-tidak-ada" }""", "unitId")]
    [InlineData("""{ "id": "budi", "name": "Budi", "unitId": "bid-politik" }""", "unitId")]
    public async Task Create_WithBadInput_Is400_NamingTheField_AndStoresNothing(string json, string field)
    {
        var admin = await World.ClientAsync("admin");
        int before = (await (await admin.GetAsync("/api/users")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();

        await (await admin.SendJsonAsync(HttpMethod.Post, "/api/users", json)).ValidationAsync(field);

        var after = await (await admin.GetAsync("/api/users")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(before, after.GetArrayLength());
    }

    [Theory]
    [InlineData("staf")]
    [InlineData("Staf")]
    [InlineData("staf-unit")]
    public async Task Create_UnitStaff_WithRoleStafAndUnit_IsCreated_AsTheUnitsStaff(string role)
    {
        var admin = await World.ClientAsync("admin");

        var created = await (await admin.PostJsonAsync("/api/users", new
        {
            id = "staf-baru",
            name = "Staf Bidang Politik",
            roles = new[] { role },
            opdId = TestWorld.Opd,
            unitId = "bid-politik",
        })).JsonAsync(HttpStatusCode.Created);

        // Unit staff act through their unit, exactly like the seeded staff of the same unit.
        var seeded = await (await (await World.ClientAsync("kesbangpol-bid-politik")).GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        var me = await (await (await World.ClientAsync("staf-baru")).GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(created.GetProperty("roles").EnumerateArray());
        Assert.Equal(seeded.GetProperty("roles").GetRawText(), me.GetProperty("roles").GetRawText());
        Assert.Equal("bid-politik", me.GetProperty("unitId").GetString());
        Assert.Equal(TestWorld.Opd, me.GetProperty("opdId").GetString());
    }

    [Fact]
    public async Task Create_RoleStafWithoutUnit_Is400_SayingToSendOpdAndUnit()
    {
        var admin = await World.ClientAsync("admin");

        var problem = await (await admin.PostJsonAsync("/api/users", new { id = "staf-baru", name = "Staf", roles = new[] { "staf" }, opdId = TestWorld.Opd }))
            .ValidationAsync("roles[0]");

        string message = problem.GetProperty("errors").GetProperty("roles[0]")[0].GetString()!;
        Assert.Contains("unitId", message);
        Assert.Contains("bid-politik", message);
        await (await admin.GetAsync("/api/users/staf-baru")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_UnknownRole_Is400_AndTheMessageSaysHowUnitStaffAreSent()
    {
        var admin = await World.ClientAsync("admin");

        var problem = await (await admin.PostJsonAsync("/api/users", new { id = "budi", name = "Budi", roles = new[] { "operator" }, opdId = TestWorld.Opd, unitId = "bid-politik" }))
            .ValidationAsync("roles[0]");

        string message = problem.GetProperty("errors").GetProperty("roles[0]")[0].GetString()!;
        Assert.Contains("analisis-data", message);
        Assert.Contains("\"roles\": [\"staf\"]", message);
    }

    [Fact]
    public async Task Update_ChangesRolesAtOnce_ForTheNextRequestOfThatUser()
    {
        var admin = await World.ClientAsync("admin");
        var staff = await World.ClientAsync("kesbangpol-bid-politik");
        var indicator = new { kode = "IKU 9", year = 2026, sasaran = "S", name = "Indikator baru", satuan = "dokumen", polarity = "positive", aggregation = "kumulatif" };
        await (await staff.PostJsonAsync($"/api/opds/{TestWorld.Opd}/indicators", indicator)).ProblemAsync(HttpStatusCode.Forbidden);

        await (await admin.PutJsonAsync("/api/users/kesbangpol-bid-politik", new { name = "Plt. Kepala", roles = new[] { "kepala-opd" }, opdId = TestWorld.Opd }))
            .JsonAsync(HttpStatusCode.OK);

        await (await staff.PostJsonAsync($"/api/opds/{TestWorld.Opd}/indicators", indicator)).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Update_AdminCannotDropHisOwnAdminRole()
    {
        var admin = await World.ClientAsync("admin");

        await (await admin.PutJsonAsync("/api/users/admin", new { name = "admin", roles = new[] { "pimpinan" } })).ValidationAsync("roles");

        var me = await (await admin.GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Update_UnknownUser_Is404()
    {
        var admin = await World.ClientAsync("admin");

        await (await admin.PutJsonAsync("/api/users/tidak-ada", new { name = "X" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_FiltersByOpd()
    {
        var admin = await World.ClientAsync("admin");

        var users = await (await admin.GetAsync($"/api/users?opdId={TestWorld.OtherOpd}")).JsonAsync(HttpStatusCode.OK);

        Assert.NotEqual(0, users.GetArrayLength());
        Assert.All(users.EnumerateArray(), u => Assert.Equal(TestWorld.OtherOpd, u.GetProperty("opdId").GetString()));
    }

    [Theory]
    [InlineData("sekda")]
    [InlineData("kesbangpol-kepala")]
    [InlineData("kesbangpol-bid-politik")]
    public async Task NonAdmins_CannotListReadCreateOrUpdateUsers(string userId)
    {
        var client = await World.ClientAsync(userId);

        await (await client.GetAsync("/api/users")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.GetAsync("/api/users/admin")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostJsonAsync("/api/users", new { id = "penyusup", name = "X", roles = new[] { "admin" } })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PutJsonAsync($"/api/users/{userId}", new { name = "X", roles = new[] { "admin" } })).ProblemAsync(HttpStatusCode.Forbidden);

        var me = await (await client.GetAsync("/api/me")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("admin", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AnotherPemdasAdmin_DoesNotSeeOrChangeTheseUsers()
    {
        await (await (await World.ClientAsync("admin")).PostJsonAsync("/api/users", new { id = "khusus-jeneponto", name = "Khusus" })).JsonAsync(HttpStatusCode.Created);
        var bantul = await World.ClientAsync("admin", TestWorld.OtherTenant);

        await (await bantul.GetAsync("/api/users/khusus-jeneponto")).ProblemAsync(HttpStatusCode.NotFound);
        await (await bantul.PutJsonAsync("/api/users/khusus-jeneponto", new { name = "Diubah" })).ProblemAsync(HttpStatusCode.NotFound);
        var list = await (await bantul.GetAsync("/api/users")).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("khusus-jeneponto", list.Strings("id"));
    }
}
