using System.Net;
using System.Text;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Templates;

public sealed class TemplatesApiTests : SeededApiTest
{
    private static string SeedDocument(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "seeds", name));

    [Fact]
    public async Task Import_ASeedDocument_ReturnsADraftWithWarnings()
    {
        var admin = await World.ClientAsync("admin");
        var response = await admin.PostAsync("/api/templates/import?fileName=004_56724ad1e592ab86.txt",
            new StringContent(SeedDocument("004_56724ad1e592ab86.txt"), Encoding.UTF8, "text/plain"));

        var draft = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Equal(9, draft.GetProperty("steps").GetArrayLength());
        Assert.Equal("PT480M", draft.GetProperty("steps")[4].GetProperty("duration").GetString());
        Assert.True(draft.GetProperty("importWarnings").GetArrayLength() > 0);
        Assert.Equal("004_56724ad1e592ab86.txt", draft.GetProperty("document").GetProperty("source").GetString());
    }

    [Fact]
    public async Task Import_OfSomethingThatIsNotAnSop_Is400InIndonesian()
    {
        var admin = await World.ClientAsync("admin");
        var response = await admin.PostAsync("/api/templates/import", new StringContent("Daftar belanja kantor\nkertas\ttinta", Encoding.UTF8, "text/plain"));
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("sop-unreadable", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Import_And_Publish_AreForAdminsOnly()
    {
        var kabid = await World.ClientAsync("kesbangpol-kabid");
        await (await kabid.PostAsync("/api/templates/import", new StringContent("x"))).ProblemAsync(HttpStatusCode.Forbidden);
        await (await kabid.PostAsync("/api/templates", new StringContent("{}"))).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Publish_AssignsTheNextVersion_AndRefusesAnInvalidTemplateNamingTheStep()
    {
        var admin = await World.ClientAsync("admin");
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", TestWorld.TemplateId + ".json"));

        var published = await (await admin.PostAsync("/api/templates", new StringContent(json, Encoding.UTF8, "application/json"))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, published.GetProperty("version").GetInt32());

        string broken = json.Replace("\"PT15M\"", "\"15 Menit\"");
        var problem = await (await admin.PostAsync("/api/templates", new StringContent(broken, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("steps[0]('menugaskan-kasubag-kasubid').duration", out _), problem.ToString());

        var list = await (await admin.GetAsync("/api/templates")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([1, 2], list[0].GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()));
    }
}
