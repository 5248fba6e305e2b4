using System.Diagnostics;
using System.Reflection;
using DocumentFormat.OpenXml.Packaging;
using SakipServerless.Api.Dashboard;
using SakipServerless.Api.Templates;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.Storage;
using SakipServerless.Dashboard.Bench;

namespace SakipServerless.Bench.Export;

/// <summary>
/// Item 8: the rekap .xlsx export, for comparing DocumentFormat.OpenXml versions (issue 13: 2.20.0 → 3.3.0 had not been
/// measured). Two figures: <c>GET /api/dashboard/rekap.xlsx</c> for the year on the backend process with the overview's
/// data set (50 OPDs × 30 indicators, so 50 sheets), beside <c>rekap.csv</c> of the same request (the same reading and
/// calculation without OpenXML); and <see cref="RekapXlsxWriter.Write"/> alone, in this process, on a table of the same
/// size, with the bytes it allocates. The OpenXML version in use is printed with the figures.
/// </summary>
public static class RekapExportBench
{
    public static async Task RunAsync(string folder, Report report, bool quick)
    {
        string version = typeof(SpreadsheetDocument).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?";
        Console.WriteLine($"7. Rekap export (DocumentFormat.OpenXml {version})");
        int opds = quick ? 10 : 50, indicators = 30, rounds = quick ? 5 : 30;

        var table = Table(opds, indicators);
        var writer = WriterAlone(table, rounds, out long allocated, out double cpu, out int size);
        report.Add(new ResultRow("7", $"RekapXlsxWriter.Write in-process, {opds} sheets × {indicators} indicators × {table.Headers.Count} columns (OpenXml {version})",
            $"p50 {Format.Ms(writer.P50)}, p95 {Format.Ms(writer.At(0.95))}; per workbook {Format.Ms(cpu)} of process CPU, {Format.Mb(allocated / 1048576d)} allocated", "",
            $"workbook {size / 1024} KB"));

        string work = Path.Combine(folder, "export");
        Directory.CreateDirectory(work);
        string database = Path.Combine(work, "sakip.db");
        await using (var seeding = new InProcessBackend(database))
        {
            var data = new BenchData(seeding.Get<IDocumentStore>(), seeding.Get<IRunStore>(), seeding.Get<TemplateCatalog>(), Path.Combine(AppContext.BaseDirectory, "seed", "sop"));
            await data.SeedAsync(opds, indicators, 3, DateTimeOffset.UtcNow.Year, DateTimeOffset.UtcNow);
        }

        await using var backend = await BackendProcess.StartAsync("Testing", new Dictionary<string, string>
        {
            ["Sakip__Storage__SqlitePath"] = database,
            ["Sakip__Development__EnableDevSignIn"] = "true",
            ["Sakip__RateLimits__Enabled"] = "false",
        });
        backend.Http.DefaultRequestHeaders.Authorization = new("Bearer", await backend.TokenAsync(BenchData.TenantId, "sekda"));
        long bytes = 0;
        var xlsx = await Timing.WarmThenTimeAsync(rounds, async () => bytes = (await Get(backend, "xlsx")).Length);
        var csv = await Timing.WarmThenTimeAsync(rounds, async () => await Get(backend, "csv"));
        report.Add(new ResultRow("7", $"GET /api/dashboard/rekap.xlsx (tahunan), {opds} OPDs × {indicators} indicators ({bytes / 1024} KB; OpenXml {version})",
            $"p50 {Format.Ms(xlsx.P50)}, p95 {Format.Ms(xlsx.At(0.95))}", "",
            $"GET /api/dashboard/rekap.csv, same request without OpenXML: p50 {Format.Ms(csv.P50)}, p95 {Format.Ms(csv.At(0.95))}"));
    }

    private static async Task<byte[]> Get(BackendProcess backend, string format) =>
        await (await backend.Http.GetAsync($"api/dashboard/rekap.{format}")).EnsureSuccessStatusCode().Content.ReadAsByteArrayAsync();

    /// <remarks>CPU time and allocations are reported besides the wall time: on this shared machine they move far less with the load.</remarks>
    private static Percentiles WriterAlone(RekapTable table, int rounds, out long allocated, out double cpu, out int size)
    {
        var bytes = Array.Empty<byte>();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 10 || watch.Elapsed < TimeSpan.FromSeconds(3); i++)
        {
            bytes = RekapXlsxWriter.Write(table); // warm-up: tiered compilation settles
        }

        var times = new List<double>();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < rounds; i++)
        {
            watch.Restart();
            bytes = RekapXlsxWriter.Write(table);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / rounds;
        allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / rounds;
        size = bytes.Length;
        return new Percentiles(times);
    }

    /// <summary>A year's rekap with every cell filled (the worst case for the writer), values with fractions as realisasi have.</summary>
    private static RekapTable Table(int opds, int indicators)
    {
        var period = RekapPeriod.Tahunan(2026);
        var columns = RekapColumn.For(period);
        var random = new Random(13);
        var heading = new RekapHeading("Kabupaten Uji Beban", period.Label, null, new DateTimeOffset(2026, 12, 7, 17, 0, 0, TimeSpan.FromHours(8)), 120);
        var sheets = Enumerable.Range(1, opds).Select(o => new RekapSheet($"opd-{o:00}", $"Dinas Pemberdayaan Masyarakat dan Desa Uji {o:00}", new RekapDataStatus(4, 3, 1),
            Enumerable.Range(1, indicators).Select(i => new RekapRow($"Sasaran {i % 5}", $"Persentase capaian uji indikator {i:00}", i % 2 == 0 ? "%" : "dokumen",
                columns.Select(c => new RekapCell(Math.Round((decimal)(random.NextDouble() * 120), 4), c.Measure == RekapMeasure.Capaian && i % 7 == 0 ? 130m : null)).ToList(),
                "Tinggi", i % 7 == 0 ? "Capaian TW II dibatasi; sebenarnya 130 %" : "")).ToList())).ToList();
        return new RekapTable(heading, columns, sheets);
    }
}
