using System.Net;
using System.Text;
using System.Text.Json;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.MasterData;

public sealed class IndicatorImportTests : SeededApiTest
{
    private const string Indicators = $"/api/opds/{TestWorld.Opd}/indicators";
    private const string Import = $"{Indicators}/import?year=2026";

    private async Task<JsonElement> ListAsync(HttpClient client, int year = 2026) =>
        await (await client.GetAsync($"{Indicators}?year={year}")).JsonAsync(HttpStatusCode.OK);

    private static JsonElement ByKode(JsonElement list, string kode) =>
        list.EnumerateArray().Single(i => i.TryGetProperty("kode", out var k) && k.GetString() == kode);

    [Fact]
    public async Task RealisticSheet_SemicolonsDecimalCommasAndBom_IsImported()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var result = await (await head.PostCsvAsync(Import, SampleSheets.Kesbangpol, bom: true)).JsonAsync(HttpStatusCode.OK);

        Assert.False(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal(6, result.GetProperty("created").GetInt32());
        Assert.Equal(2, result.GetProperty("notInFile").GetInt32());
        Assert.Equal(";", result.GetProperty("separator").GetString());
        Assert.Equal("utf-8-bom", result.GetProperty("encoding").GetString());
        Assert.Equal(4, result.GetProperty("headerRow").GetInt32());
        Assert.Equal(["No", "Keterangan"], result.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([5, 6, 7, 8, 9, 10], result.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));

        var list = await ListAsync(await World.ClientAsync("kesbangpol-bid-politik"));
        Assert.Equal(8, list.GetArrayLength());
        var konflik = ByKode(list, "IKU 1");
        Assert.Equal("kesbangpol-2026-iku-1", konflik.GetProperty("id").GetString());
        Assert.Equal("Konflik sosial", konflik.GetProperty("name").GetString());
        Assert.Equal("kejadian", konflik.GetProperty("satuan").GetString());
        Assert.Equal("negative", konflik.GetProperty("polarity").GetString());
        Assert.Equal("kumulatif", konflik.GetProperty("aggregation").GetString());
        Assert.Equal(0m, konflik.GetProperty("targetTahunan").GetDecimal());

        var agama = ByKode(list, "IKU 3");
        Assert.Equal(12.5m, agama.GetProperty("targetTahunan").GetDecimal());
        Assert.Equal(7.5m, agama.GetProperty("targetQ2").GetDecimal());
        Assert.Equal("non-kumulatif", agama.GetProperty("aggregation").GetString());
        Assert.Equal(0.25m, ByKode(list, "IKU 5").GetProperty("targetQ1").GetDecimal());
        Assert.Equal("rata-rata", ByKode(list, "IKU 6").GetProperty("aggregation").GetString());

        // The merged sasaran cell: blank rows carry the sasaran above them.
        Assert.Equal(konflik.GetProperty("sasaran").GetString(), ByKode(list, "IKU 2").GetProperty("sasaran").GetString());
        Assert.EndsWith("Bhinneka Tunggal Ika, dan NKRI)", ByKode(list, "IKU 5").GetProperty("sasaran").GetString());
    }

    [Fact]
    public async Task CommaSheet_WithQuotedSeparators_EscapedQuotes_LineBreaks_AndDecimalPoints_IsImported()
    {
        var admin = await World.ClientAsync("admin");

        var result = await (await admin.PostCsvAsync(Import, SampleSheets.Inspektorat)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(",", result.GetProperty("separator").GetString());
        Assert.Equal("utf-8", result.GetProperty("encoding").GetString());
        var list = await ListAsync(admin);
        var pkpt = ByKode(list, "SS2.1");
        Assert.Equal("Meningkatnya Pengawasan dan Akuntabilitas Penyelenggaraan Pemerintahan yang baik, bersih dan bebas KKN", pkpt.GetProperty("sasaran").GetString());
        Assert.Equal("Prosentase \"PKPT\" yang dilaksanakan", pkpt.GetProperty("name").GetString());
        Assert.Equal(100m, pkpt.GetProperty("targetTahunan").GetDecimal());
        var apip = ByKode(list, "SS3.1");
        Assert.Equal("Tingkat Kapabilitas Aparat Pengawasan Intern Pemerintah (APIP)", apip.GetProperty("name").GetString());
        Assert.Equal(1m, apip.GetProperty("min").GetDecimal());
        Assert.Equal(5m, apip.GetProperty("max").GetDecimal());
        Assert.Equal(3.5m, apip.GetProperty("targetTahunan").GetDecimal());
        Assert.Equal(3.5m, apip.GetProperty("targetQ3").GetDecimal());
    }

    [Theory]
    [InlineData("makin besar makin baik", "positive")]
    [InlineData("Makin Kecil Makin Baik", "negative")]
    [InlineData("semakin tinggi semakin baik", "positive")]
    [InlineData("semakin rendah semakin baik", "negative")]
    [InlineData("lebih tinggi lebih baik", "positive")]
    [InlineData("↓", "negative")]
    public async Task PolarityInTheDashboardsWords_IsImported(string polaritas, string polarity)
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        string csv = "Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target Tahunan;TW I;TW II;TW III;TW IV\n"
            + $"K-01;Meningkatnya ketertiban umum;Indeks ketertiban;persen;{polaritas};non-kumulatif;80;60;65;70;80\n";

        await (await head.PostCsvAsync(Import, csv)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(polarity, ByKode(await ListAsync(head), "K-01").GetProperty("polarity").GetString());
    }

    [Theory]
    [InlineData("Non Kumulatif", "non-kumulatif")]
    [InlineData("tidak kumulatif", "non-kumulatif")]
    [InlineData("nilai akhir", "non-kumulatif")]
    [InlineData("posisi akhir", "non-kumulatif")]
    [InlineData("akumulasi", "kumulatif")]
    [InlineData("dijumlahkan", "kumulatif")]
    [InlineData("Rata-Rata", "rata-rata")]
    [InlineData("rerata", "rata-rata")]
    public async Task AggregationInCommonWords_IsImported(string agregasi, string aggregation)
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        string csv = "Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target Tahunan;TW I;TW II;TW III;TW IV\n"
            + $"K-01;Meningkatnya ketertiban umum;Indeks ketertiban;persen;makin besar makin baik;{agregasi};80;80;80;80;80\n";

        await (await head.PostCsvAsync(Import, csv)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(aggregation, ByKode(await ListAsync(head), "K-01").GetProperty("aggregation").GetString());
    }

    [Fact]
    public async Task UnknownPolarity_Is400_AndTheMessageOffersTheDashboardsWords()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        string csv = "Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target Tahunan;TW I;TW II;TW III;TW IV\n"
            + "K-01;Meningkatnya ketertiban umum;Indeks ketertiban;persen;naik;non-kumulatif;80;60;65;70;80\n";

        var problem = await (await head.PostCsvAsync(Import, csv)).ProblemAsync(HttpStatusCode.BadRequest);

        string message = problem.GetProperty("rowErrors")[0].GetProperty("message").GetString()!;
        Assert.Contains("makin besar makin baik", message);
        Assert.Contains("makin kecil makin baik", message);
    }

    [Fact]
    public async Task TwoBadRowsAmongTen_Is400_ListingBothRows_AndNothingIsStored()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var problem = await (await head.PostCsvAsync(Import, SampleSheets.TenRowsTwoBad)).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("csv-invalid", problem.GetProperty("code").GetString());
        var rowErrors = problem.GetProperty("rowErrors").EnumerateArray().ToList();
        Assert.Equal([4, 9], rowErrors.Select(e => e.GetProperty("row").GetInt32()));
        Assert.Equal("TW II", rowErrors[0].GetProperty("column").GetString());
        Assert.Contains("125", rowErrors[0].GetProperty("message").GetString());
        Assert.Equal("Polaritas", rowErrors[1].GetProperty("column").GetString());
        Assert.Contains("naik", rowErrors[1].GetProperty("message").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("baris 4: TW II", out _));
        Assert.Contains("Tidak ada data yang disimpan", problem.GetProperty("detail").GetString());

        Assert.Equal(2, (await ListAsync(head)).GetArrayLength());
    }

    [Fact]
    public async Task DryRun_ValidatesAndShowsThePlan_ButStoresNothing()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var result = await (await head.PostCsvAsync(Import + "&dryRun=true", SampleSheets.Kesbangpol)).JsonAsync(HttpStatusCode.OK);

        Assert.True(result.GetProperty("dryRun").GetBoolean());
        Assert.Equal(6, result.GetProperty("created").GetInt32());
        Assert.All(result.GetProperty("rows").EnumerateArray(), r => Assert.Equal("create", r.GetProperty("action").GetString()));
        Assert.Equal("kesbangpol-2026-iku-4", result.GetProperty("rows")[3].GetProperty("indicator").GetProperty("id").GetString());
        Assert.Equal(2, (await ListAsync(head)).GetArrayLength());

        var bad = await (await head.PostCsvAsync(Import + "&dryRun=true", SampleSheets.TenRowsTwoBad)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, bad.GetProperty("rowErrors").GetArrayLength());
    }

    [Fact]
    public async Task ReImport_UpsertsByKode_KeepsIds_AndLeavesOtherIndicatorsAlone()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        await (await head.PostCsvAsync(Import, SampleSheets.Kesbangpol, bom: true)).JsonAsync(HttpStatusCode.OK);
        string changed = SampleSheets.Kesbangpol
            .Replace("3;IKU 3;", "3;iku-3;", StringComparison.Ordinal)
            .Replace(";12,5;5;7,5;10;12,5;", ";15;5;10;12,5;15;", StringComparison.Ordinal)
            + "7;IKU 7;Meningkatnya komunikasi antar umat beragama dan aliran kepercayaan;Jumlah dialog lintas agama;kegiatan;positif;kumulatif;8;2;2;2;2;\r\n";

        var result = await (await head.PostCsvAsync(Import, changed)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.Equal(5, result.GetProperty("unchanged").GetInt32());
        var list = await ListAsync(head);
        Assert.Equal(9, list.GetArrayLength());
        var agama = ByKode(list, "iku-3");
        Assert.Equal("kesbangpol-2026-iku-3", agama.GetProperty("id").GetString());
        Assert.Equal(15m, agama.GetProperty("targetTahunan").GetDecimal());
        await (await head.GetAsync($"{Indicators}/kesbangpol-iku-1")).JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SameSheet_ForAnotherYear_CreatesThatYearsIndicators()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        await (await head.PostCsvAsync(Import, SampleSheets.Kesbangpol)).JsonAsync(HttpStatusCode.OK);

        var result = await (await head.PostCsvAsync($"{Indicators}/import?year=2027", SampleSheets.Kesbangpol)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(6, result.GetProperty("created").GetInt32());
        Assert.Equal(6, (await ListAsync(head, 2027)).GetArrayLength());
        Assert.Equal(8, (await ListAsync(head, 2026)).GetArrayLength());
    }

    [Fact]
    public async Task Windows1252Sheet_WithoutBom_IsReadAsExcelSavedIt()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        string csv = "kode;sasaran;indikator;satuan;polaritas;agregasi\nIKU 7;Meningkatnya ketahanan pangan;Luas lahan pekarangan produktif (m²) – kelompok wanita tani;m²;positif;kumulatif\n";

        var result = await (await head.PostCsvAsync(Import, csv, encoding: Encoding.GetEncoding(1252))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("windows-1252", result.GetProperty("encoding").GetString());
        Assert.Equal("Luas lahan pekarangan produktif (m²) – kelompok wanita tani", ByKode(await ListAsync(head), "IKU 7").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ExcelSeparatorHint_AndTabs_AreHonoured()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        string csv = "sep=\t\nKode\tSasaran\tIndikator\tSatuan\tPolaritas\tAgregasi\tTarget\nIKU 8\tS; dengan titik koma\tIndeks kerukunan\tindeks\tpositif\tnon-kumulatif\t3,75\n";

        var result = await (await head.PostCsvAsync(Import, csv)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("tab", result.GetProperty("separator").GetString());
        var row = result.GetProperty("rows")[0];
        Assert.Equal(2, row.GetProperty("row").GetInt32());
        Assert.Equal(3.75m, row.GetProperty("indicator").GetProperty("targetTahunan").GetDecimal());
        Assert.Equal("S; dengan titik koma", row.GetProperty("indicator").GetProperty("sasaran").GetString());
    }

    [Fact]
    public async Task QuarterTargetsThatDoNotAddUp_AreImported_WithAWarning()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        string csv = "Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target Tahunan;TW I;TW II;TW III;TW IV\nIKU 9;S;Jumlah sosialisasi wawasan kebangsaan;kali;positif;kumulatif;12;3;3;3;12\n";

        var result = await (await head.PostCsvAsync(Import, csv)).JsonAsync(HttpStatusCode.OK);

        var warning = Assert.Single(result.GetProperty("rows")[0].GetProperty("warnings").EnumerateArray());
        Assert.Contains("21", warning.GetString());
    }

    [Theory]
    [InlineData("Kode;Indikator;Satuan;Polaritas;Agregasi\nIKU 1;N;%;positif;kumulatif", 1, "sasaran")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Agregasi\nIKU 1;S;N;%;kumulatif", 1, "polaritas")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;TW I;Triwulan I\nIKU 1;S;N;%;positif;kumulatif;1;1", 1, "Triwulan I")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi\n", 1, null)]
    [InlineData("", 1, null)]
    [InlineData("Nama;Alamat\nBudi;Jeneponto", 1, null)]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi\nIKU 1;\"S;N;%;positif;kumulatif", 2, null)]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi\nIKU 1;S;N;%;positif;kumulatif\niku-1;S;M;%;positif;kumulatif", 3, "Kode")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi\nIKU 1;;N;%;positif;kumulatif", 2, "Sasaran")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target\nIKU 1;S;N;dokumen;positif;kumulatif;2,5", 2, "Target")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target\nIKU 1;S;N;%;positif;kumulatif;delapan", 2, "Target")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Target\nIKU 1;S;N;%;positif;bulanan;8", 2, "Agregasi")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi;Min;Max\nIKU 1;S;N;level;positif;kumulatif;5;1", 2, "Min")]
    [InlineData("Kode;Sasaran;Indikator;Satuan;Polaritas;Agregasi\n;S;N;%;positif;kumulatif", 2, "Kode")]
    public async Task BadSheet_Is400_WithTheRowAndColumn_AndStoresNothing(string csv, int row, string? column)
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        var problem = await (await head.PostCsvAsync(Import, csv)).ProblemAsync(HttpStatusCode.BadRequest);

        var error = problem.GetProperty("rowErrors")[0];
        Assert.Equal(row, error.GetProperty("row").GetInt32());
        Assert.Equal(column, error.TryGetProperty("column", out var c) ? c.GetString() : null);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(2, (await ListAsync(head)).GetArrayLength());
    }

    [Theory]
    [InlineData("", "year")]
    [InlineData("?year=26", "year")]
    [InlineData("?year=2026&dryRun=mungkin", "dryRun")]
    public async Task BadQuery_Is400_NamingTheParameter(string query, string field)
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        await (await head.PostCsvAsync($"{Indicators}/import{query}", SampleSheets.Kesbangpol)).ValidationAsync(field);

        Assert.Equal(2, (await ListAsync(head)).GetArrayLength());
    }

    [Fact]
    public async Task OversizedSheet_Is413_AndStoresNothing()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");
        string huge = SampleSheets.Kesbangpol + new string(';', 1100 * 1024);

        await (await head.PostCsvAsync(Import, huge)).ProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(2, (await ListAsync(head)).GetArrayLength());
    }

    [Fact]
    public async Task JsonBody_Is415()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        await (await head.PostCsvAsync(Import, "{}", contentType: "application/json")).ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task ExcelsOwnContentType_IsAccepted()
    {
        var head = await World.ClientAsync("kesbangpol-kepala");

        await (await head.PostCsvAsync(Import, SampleSheets.Kesbangpol, contentType: "application/vnd.ms-excel")).JsonAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("sekda")]
    [InlineData("kesbangpol-kabid")]
    [InlineData("kesbangpol-bid-ideologi")]
    [InlineData("bappeda-kepala")]
    public async Task Import_ByAnyoneButAdminOrThisOpdsHead_Is403_AndStoresNothing(string userId)
    {
        var client = await World.ClientAsync(userId);

        await (await client.PostCsvAsync(Import, SampleSheets.Kesbangpol)).ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(2, (await ListAsync(await World.ClientAsync("admin"))).GetArrayLength());
    }

    [Fact]
    public async Task Import_IntoAnotherPemdasOpd_Is404()
    {
        await (await (await World.ClientAsync("admin")).PostJsonAsync("/api/opds", new { id = "dinsos", name = "Dinas Sosial", templateId = TestWorld.TemplateId }))
            .JsonAsync(HttpStatusCode.Created);
        var bantul = await World.ClientAsync("admin", TestWorld.OtherTenant);

        await (await bantul.PostCsvAsync("/api/opds/dinsos/indicators/import?year=2026", SampleSheets.Kesbangpol)).ProblemAsync(HttpStatusCode.NotFound);

        var dinsos = await (await (await World.ClientAsync("admin")).GetAsync("/api/opds/dinsos/indicators")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, dinsos.GetArrayLength());
    }
}
