using SakipServerless.Bench.Seeding;
using SakipServerless.Core.Runs;

namespace SakipServerless.Bench.Transitions;

/// <summary>
/// The fifteen transitions that take a started Kesbangpol run to completion: complete ×2, submit ×4, a unit return,
/// accept ×3 (the last fans in), complete, a review return, complete, approve, complete. Each has its HTTP form and
/// its in-process form, so the engine's rate and the API's rate are measured on the same work.
/// </summary>
public static class BenchScript
{
    private const string Step1 = "menugaskan-kasubag-kasubid";
    private const string Step2 = "memerintahkan-analis";
    private const string Collect = "menyerahkan-bahan-laporan";
    private const string Report = "membuat-laporan-data-kinerja";
    private const string Review = "memeriksa-laporan-kinerja";
    private const string Final = "menyusun-laporan-triwulan-tahunan";

    public static IReadOnlyList<BenchCommand> Commands { get; } =
    [
        Complete(Step1, "kabid", "Indikator Sasaran", "Disposisi"),
        Complete(Step2, "kasubid-kasubag", "Disposisi", "Disposisi"),
        Submit(BenchWorld.Units[0]),
        Submit(BenchWorld.Units[1]),
        Submit(BenchWorld.Units[2]),
        new("return-unit", "analisis-data", r => $"api/runs/{r}/steps/{Collect}/units/{BenchWorld.Units[0]}/return", (_, _) => new { reason = "Rincian belum ada." },
            (run, by, ctx) => run.ReturnUnit(Collect, BenchWorld.Units[0], by, "Rincian belum ada.", ctx)),
        Submit(BenchWorld.Units[0]),
        Accept(BenchWorld.Units[0]),
        Accept(BenchWorld.Units[1]),
        Accept(BenchWorld.Units[2]),
        Complete(Report, "kasubid-kasubag", "Bahan Laporan", "Laporan Data Kinerja"),
        new("return", "kabid", r => $"api/runs/{r}/steps/{Review}/return", (_, _) => new { reason = "Analisis belum lengkap." },
            (run, by, ctx) => run.Return(Review, by, "Analisis belum lengkap.", ctx)),
        Complete(Report, "kasubid-kasubag", "Bahan Laporan", "Laporan Data Kinerja"),
        new("approve", "kabid", r => $"api/runs/{r}/steps/{Review}/approve", (_, _) => new { output = "Laporan Disposisi", kelengkapan = new[] { "Laporan Kinerja" } },
            (run, by, ctx) => run.Approve(Review, by, new StepCompletion("Laporan Disposisi", "Laporan Kinerja"), ctx)),
        Complete(Final, "kasubag-perencanaan", "Laporan Kinerja", "Laporan Triwulan"),
    ];

    private static BenchCommand Complete(string step, string role, string kelengkapan, string output) =>
        new("complete", role, r => $"api/runs/{r}/steps/{step}/complete", (_, _) => new { output, kelengkapan = new[] { kelengkapan } },
            (run, by, ctx) => run.CompleteStep(step, by, new StepCompletion(output, kelengkapan), ctx));

    private static BenchCommand Submit(string unit) =>
        new("submit", unit, r => $"api/runs/{r}/steps/{Collect}/units/{unit}/submit",
            (opd, year) => new { realisasi = new[] { new { indicatorId = BenchWorld.Indicator(opd, year), value = 85.5m } }, note = "Data triwulan" },
            (run, by, ctx) => run.SubmitUnit(Collect, unit, by, new UnitSubmissionInput([new RealisasiEntry(BenchWorld.Indicator(run.OpdId, run.Period.Year), 85.5m)], [], "Data triwulan"), ctx));

    private static BenchCommand Accept(string unit) =>
        new("accept", "analisis-data", r => $"api/runs/{r}/steps/{Collect}/units/{unit}/accept", (_, _) => new { },
            (run, by, ctx) => run.AcceptUnit(Collect, unit, by, ctx));
}
