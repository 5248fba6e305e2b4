using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SakipServerless.Dashboard.Tests.Support;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>
/// The admin uploads an SOP document, reviews the draft (steps, blocking and advisory warnings), fills what blocks it
/// and publishes it as a new version, which the list then shows. A system of its own: it publishes templates.
/// </summary>
[Collection(OwnSystemCollection.Name)]
public sealed partial class TemplateUploadPageTests : IAsyncLifetime
{
    private readonly SystemFixture _system = new();

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task ADocument_BecomesADraftToReview_AndIsPublishedAsTheNextVersion()
    {
        using var admin = await _system.SignInAsync("banggai", "admin");
        using var api = await _system.ApiAsAsync("banggai", "admin");
        string seed = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "sop", "seeds"), "*.txt").Order().Last();

        var drafted = await PostDocumentAsync(admin, File.ReadAllBytes(seed), Path.GetFileName(seed));
        string html = WebUtility.HtmlDecode(await drafted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, drafted.StatusCode);
        Assert.Contains("id=\"draf\"", html);
        Assert.True(StepRow().Matches(html).Count >= 5, "the draft's steps are listed");
        string draftJson = DraftOf(html);
        var draft = JsonDocument.Parse(draftJson).RootElement;
        string id = draft.GetProperty("id").GetString()!;
        var before = (await api.GetFromJsonAsync<JsonElement>("api/templates")).EnumerateArray().FirstOrDefault(t => t.GetProperty("id").GetString() == id);
        int expected = before.ValueKind == JsonValueKind.Undefined ? 1 : before.GetProperty("version").GetInt32() + 1;

        // Publishing with what the form offers (the time zone, when the document gave none).
        var fields = new Dictionary<string, string> { ["draf"] = draftJson };
        if (html.Contains("id=\"zona-sop\"", StringComparison.Ordinal))
        {
            Assert.Contains("data-blockers", html);
            fields["zona"] = "Asia/Makassar";
        }

        var published = await PostFormAfterAsync(admin, drafted, fields);
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()));
        var (_, list, _) = await admin.GetAsync(DashboardSession.PathOf(published.Headers.Location));
        Assert.Contains($"terbit sebagai versi {expected}.", WebUtility.HtmlDecode(list));
        var stored = await api.GetFromJsonAsync<JsonElement>($"api/templates/{id}");
        Assert.Equal(expected, stored.GetProperty("version").GetInt32());
        Assert.False(string.IsNullOrEmpty(stored.GetProperty("agency").GetProperty("timeZone").GetString()));
    }

    [Fact]
    public async Task ARenamedProgram_IsRefusedWithAClearMessage_AndABrokenDraftIsNotPublished()
    {
        using var admin = await _system.SignInAsync("banggai", "admin");
        var refused = await PostDocumentAsync(admin, [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "sop.docx");
        string html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("class=\"field-error\"", html);
        Assert.DoesNotContain("id=\"draf\"", html);

        var (_, page, _) = await admin.GetAsync("/admin/sop");
        var broken = await admin.Http.PostAsync("/admin/sop", new FormUrlEncodedContent(
            [.. DashboardSession.HiddenFields(HiddenForm(page)), new("draf", "{\"id\": \"tanpa-langkah\", ")]));
        Assert.Contains("id=\"sop-galat\"", await broken.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostDocumentAsync(DashboardSession session, byte[] document, string name)
    {
        var (_, html, _) = await session.GetAsync("/admin/sop");
        using var content = new MultipartFormDataContent();
        foreach (var (field, value) in DashboardSession.HiddenFields(DashboardSession.FormOf(html, "impor-sop")))
        {
            content.Add(new StringContent(value), field);
        }

        content.Add(new ByteArrayContent(document), "berkas", name);
        return await session.Http.PostAsync("/admin/sop", content);
    }

    /// <summary>Posts the publish form of the page the draft came back on (its antiforgery token and form name).</summary>
    private static async Task<HttpResponseMessage> PostFormAfterAsync(DashboardSession session, HttpResponseMessage draftPage, Dictionary<string, string> fields)
    {
        string html = await draftPage.Content.ReadAsStringAsync();
        var values = DashboardSession.HiddenFields(DashboardSession.FormOf(html, "terbit-sop"));
        values.AddRange(fields);
        return await session.Http.PostAsync("/admin/sop", new FormUrlEncodedContent(values));
    }

    /// <summary>The publish form as the page renders it without a draft: the import form's token with the publish handler.</summary>
    private static string HiddenForm(string page) =>
        DashboardSession.FormOf(page, "impor-sop").Replace("value=\"impor-sop\"", "value=\"terbit-sop\"", StringComparison.Ordinal);

    private static string DraftOf(string html) => DraftPattern().Match(html).Groups[1].Value;

    [GeneratedRegex("""<textarea name="draf"[^>]*>(.*?)</textarea>""", RegexOptions.Singleline)]
    private static partial Regex DraftPattern();

    [GeneratedRegex("""<tr data-step=""")]
    private static partial Regex StepRow();
}
