using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>The export links of the capaian and overview pages: they carry the page's slicers, so the file is the page's period and OPD.</summary>
[Collection(SystemCollection.Name)]
public sealed partial class ExportLinkTests(SystemFixture system)
{
    [Theory]
    [InlineData("/capaian?tahun=2026&periode=2026-Q2&opd=kesbangpol", "Rekap-Capaian-jeneponto-kesbangpol-2026-TW-II.xlsx", "Triwulan II 2026", "Capaian TW II")]
    [InlineData("/ringkasan?periode=2026-S1", "Rekap-Capaian-jeneponto-2026-Semester-I.xlsx", "Semester I 2026", "Capaian Semester I")]
    public async Task ExportLink_CarriesTheSlicers_AndDownloadsThatPeriod(string page, string fileName, string periode, string column)
    {
        using var session = await system.SignInAsync("jeneponto", "sekda");
        var (status, html, _) = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        string href = WebUtility.HtmlDecode(XlsxLink().Match(html).Groups[1].Value);
        Assert.StartsWith("/ekspor/rekap.xlsx?", href);

        var download = await session.Http.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(fileName, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }).ToList();
        Assert.NotEmpty(sheets);
        Assert.All(sheets, xml => Assert.Contains($">{periode}<", xml));
        Assert.All(sheets, xml => Assert.Contains($">{column}<", xml));
        Assert.All(sheets, xml => Assert.DoesNotContain(">Capaian Tahunan<", xml));
    }

    [GeneratedRegex("<a class=\"button secondary\" href=\"([^\"]+)\" download>Unduh rekap .xlsx</a>")]
    private static partial Regex XlsxLink();
}
