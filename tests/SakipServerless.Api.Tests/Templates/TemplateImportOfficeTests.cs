using System.Net;
using System.Net.Http.Headers;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Importer.Tests.Support.Docx;
using SakipServerless.Importer.Tests.Support.Pdf;

namespace SakipServerless.Api.Tests.Templates;

/// <summary>
/// POST /api/templates/import with a Word or PDF SOP: the same endpoint as for text, the type read from the bytes,
/// the upload rules applied (size, magic bytes, zip bomb), the draft answered with located importWarnings.
/// </summary>
public sealed class TemplateImportOfficeTests : SeededApiTest
{
    private const string Seed = "004_56724ad1e592ab86.txt";

    private static string SeedText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "seeds", Seed));

    private async Task<HttpResponseMessage> ImportAsync(byte[] content, string fileName, string contentType = "application/octet-stream")
    {
        var admin = await World.ClientAsync("admin");
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await admin.PostAsync($"/api/templates/import?fileName={Uri.EscapeDataString(fileName)}", body);
    }

    [Fact]
    public async Task ADocx_ImportsToTheDraftOfItsText_WithWarningsNamingTableRowAndCell()
    {
        var admin = await World.ClientAsync("admin");
        var fromText = await (await admin.PostAsync($"/api/templates/import?fileName={Seed}", new StringContent(SeedText))).JsonAsync(HttpStatusCode.OK);

        var draft = await (await ImportAsync(SopDocxWriter.FromExport(SeedText), "sop-kesbangpol.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(fromText.GetProperty("steps").ToString(), draft.GetProperty("steps").ToString());
        Assert.Equal("sop-kesbangpol.docx", draft.GetProperty("document").GetProperty("source").GetString());
        var located = draft.GetProperty("importWarnings").EnumerateArray()
            .Where(w => System.Text.RegularExpressions.Regex.IsMatch(w.GetProperty("message").GetString()!, @"^Langkah \d+:")).ToList();
        Assert.NotEmpty(located);
        Assert.All(located, w => Assert.Matches(@"^tabel \d+ baris \d+", w.GetProperty("location").GetString()));
        Assert.Contains(draft.GetProperty("importWarnings").EnumerateArray(), w => w.GetProperty("severity").GetString() == "blocking");
    }

    [Fact]
    public async Task APdfExportedByLibreOffice_ImportsToTheSameSteps_WithPageAndRowInTheWarnings()
    {
        string folder = Directory.CreateTempSubdirectory("sakip-api-pdf-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "sop.docx"), SopDocxWriter.FromExport(SeedText));
            LibreOffice.ConvertAllToPdf(folder);
            var admin = await World.ClientAsync("admin");
            var fromText = await (await admin.PostAsync($"/api/templates/import?fileName={Seed}", new StringContent(SeedText))).JsonAsync(HttpStatusCode.OK);

            // Named .txt on purpose: the type comes from the bytes.
            var draft = await (await ImportAsync(File.ReadAllBytes(Path.Combine(folder, "sop.pdf")), "sop.txt", "text/plain")).JsonAsync(HttpStatusCode.OK);

            Assert.Equal(fromText.GetProperty("steps").ToString(), draft.GetProperty("steps").ToString());
            Assert.Contains(draft.GetProperty("importWarnings").EnumerateArray(),
                w => w.TryGetProperty("location", out var l) && l.GetString() is { } s && System.Text.RegularExpressions.Regex.IsMatch(s, @"^halaman \d+, baris \d+ tabel prosedur"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AScannedPdf_Is400_SayingItNeedsATextLayer()
    {
        var problem = await (await ImportAsync(ScannedPdf.PagesOfImages(2), "pindaian.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("sop-unreadable", problem.GetProperty("code").GetString());
        Assert.Contains("lapisan teks", problem.GetProperty("detail").GetString());
        Assert.Contains("OCR", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARenamedExecutable_Is415_NamedAProgram()
    {
        var problem = await (await ImportAsync(CraftedPackages.RenamedExecutable(), "sop.docx")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("sop-file-type", problem.GetProperty("code").GetString());
        Assert.Contains("program", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnImage_Is415_SayingOcrIsNotSupported()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0];

        var problem = await (await ImportAsync(png, "sop.pdf")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("OCR", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AZipBomb_Is422_BeforeTheWordReaderOpensIt()
    {
        var problem = await (await ImportAsync(CraftedPackages.ZipBomb(), "sop.docx")).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("archive-bomb", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AFileAboveTheLimit_Is413()
    {
        var big = new byte[20 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(big);

        var problem = await (await ImportAsync(big, "besar.pdf", "application/pdf")).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("file-too-large", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ADocxAboveTheJsonLimitButBelowTheFileLimit_IsAccepted()
    {
        // A letterhead picture makes a real .docx larger than the 1 MB the JSON endpoints allow.
        var docx = DocxWithPadding(SopDocxWriter.FromExport(SeedText), 2 * 1024 * 1024);

        var draft = await (await ImportAsync(docx, "sop-dengan-kop.docx")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(9, draft.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task AnEmptyBody_Is400()
    {
        var problem = await (await ImportAsync([], "kosong.docx")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("file-empty", problem.GetProperty("code").GetString());
    }

    /// <summary>Adds an incompressible media part of <paramref name="bytes"/> bytes, as an embedded photo would.</summary>
    private static byte[] DocxWithPadding(byte[] docx, int bytes)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        using (var media = zip.CreateEntry("word/media/kop.jpg", System.IO.Compression.CompressionLevel.NoCompression).Open())
        {
            var noise = new byte[bytes];
            new Random(17).NextBytes(noise);
            media.Write(noise);
        }

        return stream.ToArray();
    }
}
