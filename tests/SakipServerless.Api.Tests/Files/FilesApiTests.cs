using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Files;

public sealed class FilesApiTests : IAsyncLifetime
{
    private EvidenceWorld _w = null!;

    public async Task InitializeAsync() => _w = await EvidenceWorld.CreateAsync();

    public async Task DisposeAsync() => await _w.DisposeAsync();

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task Upload_Multipart_Is201_WithIdSizeShaAndDetectedType_AndTheRunRecordsIt()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        var pdf = SampleFiles.Pdf(padding: 5000);

        var response = await EvidenceWorld.UploadAsync(staff, _w.RunId, pdf, "Laporan TW I.pdf");
        var file = await response.JsonAsync(HttpStatusCode.Created);

        string id = file.GetProperty("id").GetString()!;
        Assert.Equal($"/api/runs/{_w.RunId}/files/{id}", response.Headers.Location?.ToString());
        Assert.Equal("Laporan TW I.pdf", file.GetProperty("fileName").GetString());
        Assert.Equal(pdf.Length, file.GetProperty("size").GetInt64());
        Assert.Equal(Sha256(pdf), file.GetProperty("sha256").GetString());
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        Assert.Equal(_w.Factory.Clock.GetUtcNow(), file.GetProperty("uploadedAt").GetDateTimeOffset());

        var run = await _w.RunAsync(_w.RunId);
        var uploaded = Assert.Single(EvidenceWorld.Events(run, "evidence-uploaded"));
        Assert.Equal(id, uploaded.GetProperty("fileId").GetString());
        Assert.Equal("kesbangpol-bid-politik", uploaded.GetProperty("actorId").GetString());
        Assert.Contains("Laporan TW I.pdf", uploaded.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_RawBodyWithFileName_IsStoredTheSameWay()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        var content = new ByteArrayContent(SampleFiles.Png());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        var file = await (await staff.PostAsync($"/api/runs/{_w.RunId}/files?fileName=foto-kegiatan.png", content)).JsonAsync(HttpStatusCode.Created);

        Assert.Equal("image/png", file.GetProperty("contentType").GetString());
        Assert.Equal("foto-kegiatan.png", file.GetProperty("fileName").GetString());
    }

    public static TheoryData<string, string, string> EveryAllowedKind() => new()
    {
        { "pdf", "lampiran.pdf", "application/pdf" },
        { "docx", "notulen rapat.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "Rencana Aksi 2026.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "doc", "surat-lama.doc", "application/msword" },
        { "xls", "rekap-lama.xls", "application/vnd.ms-excel" },
        { "jpg", "foto.JPG", "image/jpeg" },
        { "jpeg", "foto.jpeg", "image/jpeg" },
        { "png", "grafik.png", "image/png" },
        { "csv", "realisasi.csv", "text/csv" },
        { "csv-1252", "realisasi-excel.csv", "text/csv" },
    };

    [Theory]
    [MemberData(nameof(EveryAllowedKind))]
    public async Task Upload_OfEveryAllowedKind_IsAccepted_WithTheTypeItsContentHas(string kind, string fileName, string expectedType)
    {
        byte[] bytes = kind switch
        {
            "pdf" => SampleFiles.Pdf(),
            "docx" => SampleFiles.Docx(),
            "xlsx" => SampleFiles.Xlsx(),
            "doc" => SampleFiles.Doc(),
            "xls" => SampleFiles.Xls(),
            "jpg" or "jpeg" => SampleFiles.Jpeg(),
            "png" => SampleFiles.Png(),
            "csv" => SampleFiles.Csv(),
            _ => SampleFiles.CsvWindows1252(),
        };
        var staff = await _w.ClientAsync("kesbangpol-bid-ideologi");

        // The declared type is whatever a browser might send; what is recorded comes from the content.
        var file = await _w.UploadOkAsync(staff, bytes, fileName, kind.StartsWith("csv", StringComparison.Ordinal) ? "application/vnd.ms-excel" : null);

        Assert.Equal(expectedType, file.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task Download_StreamsTheSameBytes_AsAnAttachment_AndIsRecordedInTheHistory()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        var pdf = SampleFiles.Pdf(padding: 300);
        string id = (await _w.UploadOkAsync(staff, pdf, "Berita Acara – Rapat Evaluasi.pdf")).GetProperty("id").GetString()!;

        var kabid = await _w.ClientAsync("kesbangpol-kabid");
        var response = await kabid.GetAsync($"/api/runs/{_w.RunId}/files/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Berita Acara – Rapat Evaluasi.pdf", disposition.FileNameStar);
        Assert.DoesNotContain("–", disposition.FileName, StringComparison.Ordinal); // the ASCII fallback
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(pdf))}:", response.Headers.GetValues("Repr-Digest").Single());

        var downloaded = Assert.Single(EvidenceWorld.Events(await _w.RunAsync(_w.RunId), "evidence-downloaded"));
        Assert.Equal("kesbangpol-kabid", downloaded.GetProperty("actorId").GetString());
        Assert.Equal(id, downloaded.GetProperty("fileId").GetString());
    }

    [Fact]
    public async Task Download_ResumedWithRange_ContinuesWithoutASecondHistoryEntry_ButASuffixRangeIsRecorded()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        var pdf = SampleFiles.Pdf(padding: 2000);
        string id = (await _w.UploadOkAsync(staff, pdf, "besar.pdf")).GetProperty("id").GetString()!;
        var sekda = await _w.ClientAsync("sekda");

        var first = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{_w.RunId}/files/{id}");
        first.Headers.Range = new RangeHeaderValue(0, 999);
        var head = await sekda.SendAsync(first);
        var rest = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{_w.RunId}/files/{id}");
        rest.Headers.Range = new RangeHeaderValue(1000, null);
        var tail = await sekda.SendAsync(rest);

        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(pdf, (byte[])[.. await head.Content.ReadAsByteArrayAsync(), .. await tail.Content.ReadAsByteArrayAsync()]);
        Assert.Single(EvidenceWorld.Events(await _w.RunAsync(_w.RunId), "evidence-downloaded"));

        // Someone who never downloaded it cannot skip the record by asking for a range.
        var inspektorat = await _w.ClientAsync("inspektorat");
        var suffix = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{_w.RunId}/files/{id}");
        suffix.Headers.Range = new RangeHeaderValue(1, null);
        Assert.Equal(HttpStatusCode.PartialContent, (await inspektorat.SendAsync(suffix)).StatusCode);
        Assert.Equal(2, EvidenceWorld.Events(await _w.RunAsync(_w.RunId), "evidence-downloaded").Count());
    }

    [Fact]
    public async Task List_ShowsTheRunsFiles_ToItsOpd_LeadershipAndInspektorat()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        await _w.UploadOkAsync(staff, SampleFiles.Pdf(), "a.pdf");
        await _w.UploadOkAsync(staff, SampleFiles.Png(), "b.png");

        foreach (string reader in new[] { "kesbangpol-bid-ketahanan", "kesbangpol-kepala", "sekda", "inspektorat", "admin" })
        {
            var files = await (await (await _w.ClientAsync(reader)).GetAsync($"/api/runs/{_w.RunId}/files")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(["a.pdf", "b.png"], files.EnumerateArray().Select(f => f.GetProperty("fileName").GetString()));
        }
    }

    [Fact]
    public async Task SameBytesUnderTheSameName_AreStoredOnce_AndTheRetryGetsTheFirstFile()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        var first = await _w.UploadOkAsync(staff, SampleFiles.Pdf(), "laporan.pdf");

        // The answer to the first attempt was lost on a mobile connection; the form sends the file again.
        var again = await (await EvidenceWorld.UploadAsync(staff, _w.RunId, SampleFiles.Pdf(), "laporan.pdf")).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Single(EvidenceWorld.Events(await _w.RunAsync(_w.RunId), "evidence-uploaded"));
        Assert.Single(_w.StoredPaths());
    }

    [Fact]
    public async Task Submission_WithItsRunsFiles_IsAccepted_AndShowsThem()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        string id = (await _w.UploadOkAsync(staff, SampleFiles.Pdf(), "bukti.pdf")).GetProperty("id").GetString()!;

        var run = await (await staff.PostJsonAsync($"/api/runs/{_w.RunId}/steps/{EvidenceWorld.CollectStep}/units/bid-politik/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 91.5m } }, evidenceFileIds = new[] { id } })).JsonAsync(HttpStatusCode.OK);

        var task = run.Step(EvidenceWorld.CollectStep).GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "bid-politik");
        Assert.Equal([id], task.GetProperty("submission").GetProperty("evidenceFileIds").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Submission_NamingAFileOfAnotherRun_OrNoFileAtAll_Is400_AndChangesNothing()
    {
        string otherRun = await _w.StartRunAsync(TestWorld.Opd, toCollectStep: false, period: "2026-Q2");
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        string elsewhere = (await (await EvidenceWorld.UploadAsync(staff, otherRun, SampleFiles.Pdf(), "tw2.pdf")).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        int version = (await _w.RunAsync(_w.RunId)).GetProperty("version").GetInt32();

        foreach (string wrong in new[] { elsewhere, "file-0000000000000000000a", "../../etc/passwd" })
        {
            var problem = await (await staff.PostJsonAsync($"/api/runs/{_w.RunId}/steps/{EvidenceWorld.CollectStep}/units/bid-politik/submit",
                new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 91.5m } }, evidenceFileIds = new[] { wrong } })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("evidence-unknown", problem.GetProperty("code").GetString());
        }

        Assert.Equal(version, (await _w.RunAsync(_w.RunId)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Resubmission_AfterAReturnForMissingEvidence_WithoutAFile_Is400_KeepsTheReturn_AndStoresNothing()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        var analis = await _w.ClientAsync("kesbangpol-analisis-data");
        string unitUrl = $"/api/runs/{_w.RunId}/steps/{EvidenceWorld.CollectStep}/units/bid-politik";
        string id = (await _w.UploadOkAsync(staff, SampleFiles.Pdf(), "bukti.pdf")).GetProperty("id").GetString()!;
        await (await staff.PostJsonAsync($"{unitUrl}/submit",
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 91.5m } }, evidenceFileIds = new[] { id } })).JsonAsync(HttpStatusCode.OK);
        await (await analis.PostJsonAsync($"{unitUrl}/return", new { reason = "Bukti dukung realisasi belum dilampirkan." })).JsonAsync(HttpStatusCode.OK);
        string before = (await _w.RunAsync(_w.RunId)).GetRawText();

        foreach (object body in new object[]
        {
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 92m } } },
            new { realisasi = new[] { new { indicatorId = "kesbangpol-iku-1", value = 92m } }, evidenceFileIds = Array.Empty<string>() },
        })
        {
            var problem = await (await staff.PostJsonAsync($"{unitUrl}/submit", body)).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("evidence-required", problem.GetProperty("code").GetString());
            Assert.Contains("Bukti dukung wajib dilampirkan", problem.GetProperty("detail").GetString());
        }

        var after = await _w.RunAsync(_w.RunId);
        Assert.Equal(before, after.GetRawText());
        var task = after.Step(EvidenceWorld.CollectStep).GetProperty("unitTasks").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == "bid-politik");
        Assert.Equal("returned", task.GetProperty("status").GetString());
        Assert.Equal("Bukti dukung realisasi belum dilampirkan.", task.GetProperty("lastReturnReason").GetString());
    }

    [Fact]
    public async Task StepCompletion_WithUnknownEvidence_Is400()
    {
        string run = await _w.StartRunAsync(TestWorld.OtherOpd, toCollectStep: false);
        var kabid = await _w.ClientAsync("bappeda-kabid");

        var problem = await (await kabid.PostJsonAsync($"/api/runs/{run}/steps/menugaskan-kasubag-kasubid/complete",
            new { output = "Disposisi", kelengkapan = new[] { "Indikator Sasaran" }, evidenceFileIds = new[] { "file-tidak-ada" } })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("evidence-unknown", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task LeadershipAndInspektorat_ReadButCannotUpload()
    {
        foreach (string reader in new[] { "sekda", "inspektorat" })
        {
            var client = await _w.ClientAsync(reader);
            var problem = await (await EvidenceWorld.UploadAsync(client, _w.RunId, SampleFiles.Pdf(), "x.pdf")).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("forbidden", problem.GetProperty("code").GetString());
        }

        Assert.Empty(_w.StoredPaths());
    }

    [Fact]
    public async Task TerminatedRun_TakesNoMoreFiles_ButItsFilesStayReadable()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        string id = (await _w.UploadOkAsync(staff, SampleFiles.Pdf(), "a.pdf")).GetProperty("id").GetString()!;
        var head = await _w.ClientAsync("kesbangpol-kepala");
        await (await head.PostJsonAsync($"/api/runs/{_w.RunId}/terminate", new { reason = "Salah periode" })).JsonAsync(HttpStatusCode.OK);

        var problem = await (await EvidenceWorld.UploadAsync(staff, _w.RunId, SampleFiles.Png(), "b.png")).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("run-closed", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/runs/{_w.RunId}/files/{id}")).StatusCode);
    }

    [Fact]
    public async Task UnknownFile_Is404_AndMissingBytes_Are404WithTheirOwnCode()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        Assert.Equal("not-found", (await (await staff.GetAsync($"/api/runs/{_w.RunId}/files/file-tidak-ada")).ProblemAsync(HttpStatusCode.NotFound)).GetProperty("code").GetString());

        string id = (await _w.UploadOkAsync(staff, SampleFiles.Pdf(), "a.pdf")).GetProperty("id").GetString()!;
        foreach (string path in Directory.EnumerateFiles(Path.Combine(_w.Store.Root, "files"), "*", SearchOption.AllDirectories))
        {
            File.Delete(path);
        }

        var problem = await (await staff.GetAsync($"/api/runs/{_w.RunId}/files/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("file-bytes-missing", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task LongAndAwkwardNames_AreCleaned_NotRefused()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");

        var reserved = await _w.UploadOkAsync(staff, SampleFiles.Pdf(), "CON.pdf");
        var awkward = await (await staff.PostAsync($"/api/runs/{_w.RunId}/files?fileName={Uri.EscapeDataString("  rapat   \"final\"?.png  ")}",
            new ByteArrayContent(SampleFiles.Png()))).JsonAsync(HttpStatusCode.Created);
        var longName = await _w.UploadOkAsync(staff, SampleFiles.Jpeg(), new string('a', 400) + ".jpg");
        var invisible = await _w.UploadOkAsync(staff, SampleFiles.Csv(), "data\u200B\u202Ekinerja.csv");

        Assert.Equal("_CON.pdf", reserved.GetProperty("fileName").GetString());
        Assert.Equal("rapat _final__.png", awkward.GetProperty("fileName").GetString());
        string cut = longName.GetProperty("fileName").GetString()!;
        Assert.Equal(150, cut.Length);
        Assert.EndsWith(".jpg", cut, StringComparison.Ordinal);
        Assert.Equal("datakinerja.csv", invisible.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task OpenApi_DescribesTheUploadEndpoints()
    {
        var doc = await (await _w.Factory.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");

        var upload = paths.GetProperty("/api/runs/{runId}/files").GetProperty("post");
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.Contains("/uploads", upload.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("Content-Range", paths.GetProperty("/api/runs/{runId}/uploads").GetProperty("post").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/api/runs/{runId}/uploads/{uploadId}/commit", out _));
        Assert.True(paths.GetProperty("/api/runs/{runId}/files/{fileId}").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task AFileLargerThanTheJsonLimit_IsAccepted_WhileJsonBodiesKeepTheirLimit()
    {
        var staff = await _w.ClientAsync("kesbangpol-bid-politik");
        var big = SampleFiles.Pdf(padding: 3 * 1024 * 1024);

        await _w.UploadOkAsync(staff, big, "pindaian.pdf");

        var json = new StringContent("{\"note\":\"" + new string('x', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");
        var problem = await (await staff.PostAsync($"/api/runs/{_w.RunId}/steps/{EvidenceWorld.CollectStep}/units/bid-politik/submit", json)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("body-too-large", problem.GetProperty("code").GetString());
    }
}
