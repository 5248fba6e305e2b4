using System.Net;
using System.Text.RegularExpressions;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>A run's page: the SOP as a swimlane flowchart coloured by state, the steps' mutu baku and the history.</summary>
[Collection(SystemCollection.Name)]
public sealed class RunPageTests(SystemFixture system)
{
    [Fact]
    public async Task RunPage_DrawsTheSwimlane_WithLanesStepsDecisionAndReturnLoop()
    {
        using var session = await system.SignInAsync("kutai-kartanegara", "sekda");
        var (status, html, _) = await session.GetAsync("/pelaksanaan/demo-kecamatan-samboja-2026-q4");

        Assert.Equal(HttpStatusCode.OK, status);
        string svg = Regex.Match(html, "<svg[^>]*class=\"swimlane\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(svg);
        // Samboja's SOP: four Pelaksana columns, seven steps, step 5 a check that returns to step 4.
        foreach (var lane in new[] { "Camat", "Sekretaris", "Tim Penyusun", "Staf" })
        {
            Assert.Contains($">{lane}</tspan>", svg);
        }

        Assert.Equal(7, Regex.Matches(svg, "<a href=\"/pelaksanaan/demo-kecamatan-samboja-2026-q4#langkah-").Count);
        Assert.Single(Regex.Matches(svg, "class=\"shape decision\""));
        Assert.Single(Regex.Matches(svg, "class=\"return-loop\""));
        Assert.Contains(">Tidak", svg);
        Assert.Contains(">Mulai<", svg);
        Assert.Contains(">Selesai<", svg);
        Assert.Contains("data-state=\"done\"", svg);
        Assert.Contains("data-state=\"active\"", svg);
        Assert.Contains("Tenggat ", svg); // the active step's due time
        Assert.Contains("id=\"langkah-menghimpun-data-kinerja\"", html);
        Assert.Contains("Riwayat (pencatatan dan pendataan)", html);
        Assert.Contains("WITA", html);
    }

    [Fact]
    public async Task RunPage_OfALateRun_ShowsHowLateAndTheEscalation()
    {
        using var session = await system.SignInAsync("balangan", "sekda");
        var (_, runs, _) = await session.GetAsync("/pelaksanaan?tahun=2026");
        string runId = Regex.Match(runs, "data-run=\"([^\"]*2026-q4)\"").Groups[1].Value;

        var (_, html, _) = await session.GetAsync("/pelaksanaan/" + runId);

        Assert.Contains("data-state=\"escalated\"", html);
        Assert.Contains("class=\"lateness\"", html);
        Assert.Contains("terlambat", html);
        Assert.Contains("eskalasi ke Kepala OPD", html); // the bidang that never sent its data
    }

    [Fact]
    public async Task RunOfAnotherOpd_IsRefusedWithTheBackendsMessage()
    {
        using var staff = await system.SignInAsync("bantul", "staf-irban-1");
        var (status, html, _) = await staff.GetAsync("/pelaksanaan/demo-kecamatan-samboja-2026-q4");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("class=\"notice error\"", html);
        Assert.Contains("tidak ditemukan", html);
    }
}
