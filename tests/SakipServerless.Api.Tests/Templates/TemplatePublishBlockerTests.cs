using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Templates;

/// <summary>
/// POST /api/templates refuses a template that still carries blocking import warnings (422, listing them) and
/// publishes one whose warnings are advisory, or whose blockers were cleared by filling the field they name.
/// </summary>
public sealed class TemplatePublishBlockerTests : SeededApiTest
{
    private static JsonObject Curated() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", TestWorld.TemplateId + ".json")))!.AsObject();

    private async Task<HttpResponseMessage> PublishAsync(JsonObject template)
    {
        var admin = await World.ClientAsync("admin");
        return await admin.PostAsync("/api/templates", new StringContent(template.ToJsonString(), Encoding.UTF8, "application/json"));
    }

    private static JsonObject Warning(string severity, string message, string? location = null, string? field = null) => new()
    {
        ["severity"] = severity,
        ["message"] = message,
        ["location"] = location,
        ["field"] = field,
    };

    [Fact]
    public async Task ATemplateWithABlockingWarning_Is422_ListingTheBlockersOnly()
    {
        var template = Curated();
        template["importWarnings"] = new JsonArray(
            Warning("blocking", "Langkah 3: pelaksana tidak dapat ditentukan dari dokumen; isi secara manual.", "tabel 2 baris 5, sel Pelaksana"),
            Warning("advisory", "Langkah 2: hanya dijalankan pada akhir semester."));

        var problem = await (await PublishAsync(template)).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("template-import-blockers", problem.GetProperty("code").GetString());
        var blocker = Assert.Single(problem.GetProperty("blockers").EnumerateArray());
        Assert.Equal("tabel 2 baris 5, sel Pelaksana", blocker.GetProperty("location").GetString());
        Assert.Contains("pelaksana tidak dapat ditentukan", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("akhir semester", problem.GetProperty("detail").GetString());
        Assert.Equal(1, (await (await (await World.ClientAsync("admin")).GetAsync("/api/templates")).JsonAsync(HttpStatusCode.OK))[0].GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task ATemplateWithOnlyAdvisoryWarnings_IsPublished_WithoutThem()
    {
        var template = Curated();
        template["importWarnings"] = new JsonArray(Warning("advisory", "Langkah 2: hanya dijalankan pada akhir semester."));

        var published = await (await PublishAsync(template)).JsonAsync(HttpStatusCode.Created);

        Assert.False(published.TryGetProperty("importWarnings", out var kept) && kept.ValueKind == System.Text.Json.JsonValueKind.Array);
    }

    [Fact]
    public async Task ABlockerNamingAField_IsClearedByFillingIt()
    {
        var template = Curated();
        Assert.False(string.IsNullOrWhiteSpace((string?)template["agency"]!["timeZone"]));
        template["importWarnings"] = new JsonArray(Warning("blocking", "Zona waktu (WIB/WITA/WIT) tidak tertulis di dokumen; isi agency.timeZone sebelum template diterbitkan.", field: "agency.timeZone"));

        await (await PublishAsync(template)).JsonAsync(HttpStatusCode.Created);

        template["agency"]!.AsObject().Remove("timeZone");
        var problem = await (await PublishAsync(template)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("agency.timeZone", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnImportedDraft_PublishedAsIs_IsRefusedForItsTimeZone()
    {
        var admin = await World.ClientAsync("admin");
        string seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "seeds", "004_56724ad1e592ab86.txt"));
        string draft = await (await admin.PostAsync("/api/templates/import?fileName=sop.txt", new StringContent(seed))).Content.ReadAsStringAsync();

        var problem = await (await admin.PostAsync("/api/templates", new StringContent(draft, Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(problem.GetProperty("blockers").EnumerateArray(), b => b.GetProperty("field").GetString() == "agency.timeZone");
    }
}
