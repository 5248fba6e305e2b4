using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SakipServerless.Api.Tests.Files;
using SakipServerless.Api.Tests.Support;
using Xunit.Abstractions;

namespace SakipServerless.Api.Tests.Security;

/// <summary>
/// The attack set of uploads: each must be refused with a clear 4xx problem (Indonesian detail, a stable code) and
/// leave nothing behind — no stored or staged bytes, no file in the run, no history entry, no new run version.
/// </summary>
public sealed class UploadAttackTests(ITestOutputHelper output)
{
    private const long MaxFile = 2 * 1024 * 1024;

    /// <summary>One hostile upload, what it must be answered with, and which codes name the refusal.</summary>
    private sealed record Attack(string Name, Func<HttpClient, string, Task<HttpResponseMessage>> Send, int Status, params string[] Codes);

    private static Task<HttpResponseMessage> Multipart(HttpClient c, string run, byte[] content, string fileName, string? type = "application/octet-stream") =>
        EvidenceWorld.UploadAsync(c, run, content, fileName, type);

    private static Task<HttpResponseMessage> Raw(HttpClient c, string run, byte[] content, string query, string? type = "application/octet-stream")
    {
        var body = new ByteArrayContent(content);
        if (type is not null)
        {
            body.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        }

        return c.PostAsync($"/api/runs/{run}/files{query}", body);
    }

    private static Task<HttpResponseMessage> Body(HttpClient c, string run, HttpContent content) => c.PostAsync($"/api/runs/{run}/files", content);

    private static IEnumerable<Attack> Attacks()
    {
        var pdf = SampleFiles.Pdf();
        string docxBomb = "docx";
        yield return new("path traversal ../../x.pdf", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"../../x.pdf\"", pdf)), 400, "file-name-invalid");
        yield return new("path traversal ..\\x.pdf", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"..\\x.pdf\"", pdf)), 400, "file-name-invalid");
        yield return new("traversal in filename*", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename*=UTF-8''..%2F..%2Fx.pdf", pdf)), 400, "file-name-invalid");
        yield return new("absolute unix path", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"/etc/cron.d/x.pdf\"", pdf)), 400, "file-name-invalid");
        yield return new("absolute windows path", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"C:\\Windows\\System32\\x.pdf\"", pdf)), 400, "file-name-invalid");
        yield return new("drive-relative path C:x.pdf", (c, r) => Raw(c, r, pdf, "?fileName=C%3Ax.pdf"), 400, "file-name-invalid");
        yield return new("traversal in ?fileName=", (c, r) => Raw(c, r, pdf, "?fileName=..%2F..%2Fwwwroot%2Fx.pdf"), 400, "file-name-invalid");
        yield return new("NUL byte in ?fileName=", (c, r) => Raw(c, r, pdf, "?fileName=x.pdf%00.png"), 400, "file-name-invalid");
        yield return new("NUL byte in filename*", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename*=UTF-8''x.pdf%00.png", pdf)), 400, "file-name-invalid");
        yield return new("line break in name", (c, r) => Raw(c, r, pdf, "?fileName=x%0D%0ASet-Cookie%3A%20a%3Db.pdf"), 400, "file-name-invalid");
        yield return new("name of dots only", (c, r) => Raw(c, r, pdf, "?fileName=...."), 400, "file-name-invalid");
        yield return new(".exe renamed .pdf", (c, r) => Multipart(c, r, SampleFiles.Exe(), "laporan.pdf", "application/pdf"), 415, "content-mismatch");
        yield return new(".exe as it is", (c, r) => Raw(c, r, SampleFiles.Exe(), "?fileName=setup.exe"), 415, "type-not-allowed");
        yield return new("double extension x.pdf.exe", (c, r) => Multipart(c, r, SampleFiles.Exe(), "x.pdf.exe"), 415, "type-not-allowed");
        yield return new("right-to-left override hiding .exe", (c, r) => Multipart(c, r, SampleFiles.Exe(), "laporan\u202Efdp.exe"), 415, "type-not-allowed");
        yield return new("PDF declared as image/png", (c, r) => Multipart(c, r, pdf, "laporan.pdf", "image/png"), 415, "declared-type-mismatch");
        yield return new("PDF named .png", (c, r) => Multipart(c, r, pdf, "grafik.png", "image/png"), 415, "content-mismatch");
        yield return new("JPEG named .png", (c, r) => Multipart(c, r, SampleFiles.Jpeg(), "grafik.png"), 415, "content-mismatch");
        yield return new("HTML with script named .pdf", (c, r) => Multipart(c, r, SampleFiles.HtmlWithScript(), "laporan.pdf", "application/pdf"), 415, "content-mismatch");
        yield return new("HTML as .html", (c, r) => Multipart(c, r, SampleFiles.HtmlWithScript(), "laporan.html", "text/html"), 415, "type-not-allowed");
        yield return new("SVG with script as .svg", (c, r) => Multipart(c, r, SampleFiles.SvgWithScript(), "grafik.svg", "image/svg+xml"), 415, "type-not-allowed");
        yield return new("SVG with script named .png", (c, r) => Multipart(c, r, SampleFiles.SvgWithScript(), "grafik.png", "image/png"), 415, "content-mismatch");
        yield return new("HTML named .csv", (c, r) => Multipart(c, r, SampleFiles.HtmlWithScript(), "data.csv", "text/csv"), 422, "csv-not-plain-text");
        yield return new("CSV carrying a script", (c, r) => Multipart(c, r, SampleFiles.CsvWithScript(), "data.csv", "text/csv"), 422, "csv-not-plain-text");
        yield return new("binary named .csv", (c, r) => Multipart(c, r, [1, 2, 3, 0, 5], "data.csv", "text/csv"), 422, "csv-not-plain-text");
        yield return new("Word with macros as .docx", (c, r) => Multipart(c, r, SampleFiles.Docx(macro: true), "notulen.docx"), 415, "macro-not-allowed");
        yield return new("installer (.msi) renamed .doc", (c, r) => Multipart(c, r, SampleFiles.Msi(), "surat.doc"), 415, "content-mismatch");
        yield return new("spreadsheet renamed .docx", (c, r) => Multipart(c, r, SampleFiles.Xlsx(), "surat.docx"), 415, "content-mismatch");
        yield return new("HEIC photo named .jpg", (c, r) => Multipart(c, r, [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. new byte[64]], "foto.jpg", "image/jpeg"), 415, "content-mismatch");
        yield return new("PDF cut short (no %%EOF)", (c, r) => Multipart(c, r, pdf[..^10], "laporan.pdf"), 422, "pdf-incomplete");
        yield return new("oversize file (limit + 1 byte)", (c, r) => Multipart(c, r, SampleFiles.Pdf(padding: (int)MaxFile), "besar.pdf"), 413, "file-too-large");
        yield return new("oversize raw body", (c, r) => Raw(c, r, new byte[MaxFile + 1], "?fileName=besar.pdf"), 413, "file-too-large");
        yield return new("zip bomb (.zip)", (c, r) => Multipart(c, r, SampleFiles.ZipBomb(64L * 1024 * 1024), "arsip.zip", "application/zip"), 422, "archive-bomb");
        yield return new("zip bomb with lying headers (.zip)", (c, r) => Multipart(c, r, SampleFiles.LyingZipBomb(), "arsip.zip"), 422, "archive-bomb", "file-corrupt");
        yield return new($"zip bomb dressed as .{docxBomb}", (c, r) => Multipart(c, r, SampleFiles.Zip(
            ("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", new byte[40 * 1024 * 1024])), "surat.docx"), 422, "archive-bomb");
        yield return new("empty file", (c, r) => Multipart(c, r, [], "kosong.pdf"), 400, "file-empty");
        yield return new("truncated multipart: cut inside the file", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"x.pdf\"", SampleFiles.Pdf(20_000), cutAt: 10_000)), 400, "upload-interrupted");
        yield return new("truncated multipart: no closing boundary", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"x.pdf\"", pdf, close: false)), 400, "upload-interrupted");
        yield return new("truncated multipart: headers only", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"x.pdf\"", [], close: false, cutAt: 60)), 400, "upload-interrupted", "multipart-invalid");
        yield return new("multipart without a file field", (c, r) => Body(c, r, RawMultipart.Parts(("name=\"catatan\"", "halo"u8.ToArray()))), 400, "file-missing");
        yield return new("two files in one upload", (c, r) => Body(c, r, RawMultipart.Parts(("name=\"file\"; filename=\"a.pdf\"", pdf), ("name=\"file\"; filename=\"b.pdf\"", pdf))), 400, "multipart-invalid");
        yield return new("huge extra field", (c, r) => Body(c, r, RawMultipart.Parts(("name=\"catatan\"", new byte[100_000]), ("name=\"file\"; filename=\"a.pdf\"", pdf))), 400, "multipart-invalid");
        yield return new("boundary over 70 characters", (c, r) => Body(c, r, RawMultipart.File("name=\"file\"; filename=\"x.pdf\"", pdf, boundary: new string('b', 80))), 400, "multipart-invalid");
        yield return new("form-urlencoded body", (c, r) => c.PostAsync($"/api/runs/{r}/files?fileName=x.pdf", new FormUrlEncodedContent([new("file", "%PDF-1.4")])), 415, "unsupported-media-type");
        yield return new("raw body without a name", (c, r) => Raw(c, r, pdf, ""), 400, "file-name-invalid");
    }

    [Fact]
    public async Task EveryAttackUpload_IsRefusedWithAClear4xx_AndLeavesNothingBehind()
    {
        await using var w = await EvidenceWorld.CreateAsync(new Dictionary<string, string?>
        {
            ["Sakip:Files:AllowZip"] = "true",
            ["Sakip:Files:MaxFileBytes"] = MaxFile.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sakip:Files:MaxUncompressedBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var staff = await w.ClientAsync("kesbangpol-bid-politik");
        int version = (await w.RunAsync(w.RunId)).GetProperty("version").GetInt32();
        var figures = new SecurityFigures("Upload attack set", output);

        foreach (var attack in Attacks())
        {
            var response = await attack.Send(staff, w.RunId);
            string body = await response.Content.ReadAsStringAsync();
            figures.Record(attack.Name, (int)response.StatusCode, Judge(attack, response, body));
            if (w.StoredPaths() is { Count: > 0 } left)
            {
                figures.Fail($"{attack.Name}: left {string.Join(", ", left)}");
            }
        }

        figures.Report();
        var run = await w.RunAsync(w.RunId);
        Assert.Equal(version, run.GetProperty("version").GetInt32());
        Assert.Empty(EvidenceWorld.Events(run, "evidence-uploaded"));
        var files = await (await staff.GetAsync($"/api/runs/{w.RunId}/files")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, files.GetArrayLength());
        Assert.Equal(figures.Tried, figures.Rejected);
    }

    [Fact]
    public async Task Zip_IsRefused_UnlessTheSettingAllowsIt()
    {
        await using var w = await EvidenceWorld.CreateAsync();
        var staff = await w.ClientAsync("kesbangpol-bid-politik");

        var problem = await (await EvidenceWorld.UploadAsync(staff, w.RunId, SampleFiles.Zip(("a.txt", "halo"u8.ToArray())), "arsip.zip", "application/zip"))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("type-not-allowed", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("ZIP", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string? Judge(Attack attack, HttpResponseMessage response, string body)
    {
        if ((int)response.StatusCode != attack.Status)
        {
            return $"expected {attack.Status}, got {(int)response.StatusCode}: {body}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not problem+json: {response.Content.Headers.ContentType}";
        }

        using var problem = JsonDocument.Parse(body);
        string code = problem.RootElement.TryGetProperty("code", out var c) ? c.GetString() ?? "" : "";
        string detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        if (!attack.Codes.Contains(code))
        {
            return $"code '{code}' is not {string.Join(" or ", attack.Codes)}: {detail}";
        }

        // A clear refusal speaks Indonesian to the person who sent the file.
        return Encoding.UTF8.GetByteCount(detail) < 20 || !IndonesianWords.Any(word => detail.Contains(word, StringComparison.OrdinalIgnoreCase))
            ? $"detail is not a clear Indonesian sentence: '{detail}'"
            : null;
    }

    private static readonly string[] IndonesianWords = ["berkas", "tidak", "unggah", "isian", "jenis", "nama", "ukuran", "arsip", "dokumen", "permintaan", "bagian"];
}
