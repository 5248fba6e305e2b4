using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>
/// One run of the Kesbangpol SOP from start to completion as sixteen write commands, each with the user who sends
/// it: start, two dispositions, three unit submissions, a unit return and resubmission, three acceptances (the last
/// fans in), the report, a review return, the report again, the approval and the quarterly report. Every command
/// moves the run's version by exactly one, so command <c>i</c> is answered with version <c>i + 1</c>.
/// </summary>
public static class RunScript
{
    public const string Step1 = "menugaskan-kasubag-kasubid";
    public const string Step2 = "memerintahkan-analis";
    public const string Collect = "menyerahkan-bahan-laporan";
    public const string Report = "membuat-laporan-data-kinerja";
    public const string Review = "memeriksa-laporan-kinerja";
    public const string Final = "menyusun-laporan-triwulan-tahunan";
    public const string UnitReason = "Rincian per kegiatan belum ada.";
    public const string ReviewReason = "Analisis capaian belum dibandingkan dengan target.";

    private static readonly string[] Units = TestWorld.Units.Select(u => u.Id).ToArray();

    public static IReadOnlyList<ScriptCommand> For(string opd) =>
    [
        new("start", $"{opd}-kepala", _ => "api/runs", p => new { opdId = opd, period = p }),
        Complete(opd, Step1, "kabid", "Indikator Sasaran", "Disposisi"),
        Complete(opd, Step2, "kasubid-kasubag", "Disposisi", "Disposisi"),
        Submit(opd, Units[0]),
        Submit(opd, Units[1]),
        Submit(opd, Units[2]),
        new("return-unit", $"{opd}-analisis-data", r => $"api/runs/{r}/steps/{Collect}/units/{Units[0]}/return", _ => new { reason = UnitReason }),
        Submit(opd, Units[0]),
        Accept(opd, Units[0]),
        Accept(opd, Units[1]),
        Accept(opd, Units[2]),
        Complete(opd, Report, "kasubid-kasubag", "Bahan Laporan", "Laporan Data Kinerja"),
        new("return", $"{opd}-kabid", r => $"api/runs/{r}/steps/{Review}/return", _ => new { reason = ReviewReason }),
        Complete(opd, Report, "kasubid-kasubag", "Bahan Laporan", "Laporan Data Kinerja"),
        Complete(opd, Review, "kabid", "Laporan Kinerja", "Laporan Disposisi", "approve"),
        Complete(opd, Final, "kasubag-perencanaan", "Laporan Kinerja", "Laporan Triwulan"),
    ];

    /// <summary>
    /// The history the script must leave, as (type, step, unit): the same commands applied in-process to the domain.
    /// A command applied twice, or lost, makes the stored history differ from this.
    /// </summary>
    public static IReadOnlyList<(RunEventType Type, string? StepId, string? UnitId)> ExpectedHistory(Period period)
    {
        var template = FaultWorld.Template;
        var clock = new ManualClock(new DateTimeOffset(2026, 4, 6, 0, 30, 0, TimeSpan.Zero));
        var contexts = new RunContextFactory(clock);
        var calendar = WorkCalendar.ForZone("Asia/Makassar");
        RunContext Ctx()
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return contexts.For(template, calendar);
        }

        Actor As(string role) => Actor.Create("u-" + role, role, role);
        Actor Staff(string unit) => Actor.ForUnit("u-" + unit, unit, unit);
        StepCompletion Done(string output, string kelengkapan) => new(output, kelengkapan);
        static UnitSubmissionInput Values() => new([new RealisasiEntry("iku-1", 85m)], ["bukti-laporan"]);

        var run = SopRun.Start("run", FaultWorld.Tenant, "opd", period, TestWorld.Units, As(WellKnownRoles.HeadOfOpd), Ctx());
        run.CompleteStep(Step1, As("kabid"), Done("Disposisi", "Indikator Sasaran"), Ctx());
        run.CompleteStep(Step2, As("kasubid-kasubag"), Done("Disposisi", "Disposisi"), Ctx());
        foreach (var unit in Units)
        {
            run.SubmitUnit(Collect, unit, Staff(unit), Values(), Ctx());
        }

        run.ReturnUnit(Collect, Units[0], As("analisis-data"), UnitReason, Ctx());
        run.SubmitUnit(Collect, Units[0], Staff(Units[0]), Values(), Ctx());
        foreach (var unit in Units)
        {
            run.AcceptUnit(Collect, unit, As("analisis-data"), Ctx());
        }

        run.CompleteStep(Report, As("kasubid-kasubag"), Done("Laporan Data Kinerja", "Bahan Laporan"), Ctx());
        run.Return(Review, As("kabid"), ReviewReason, Ctx());
        run.CompleteStep(Report, As("kasubid-kasubag"), Done("Laporan Data Kinerja", "Bahan Laporan"), Ctx());
        run.Approve(Review, As("kabid"), Done("Laporan Disposisi", "Laporan Kinerja"), Ctx());
        run.CompleteStep(Final, As("kasubag-perencanaan"), Done("Laporan Triwulan", "Laporan Kinerja"), Ctx());
        return run.History.Select(e => (e.Type, e.StepId, e.UnitId)).ToList();
    }

    private static ScriptCommand Complete(string opd, string step, string role, string kelengkapan, string output, string verb = "complete") =>
        new($"{verb} {step}", $"{opd}-{role}", r => $"api/runs/{r}/steps/{step}/{verb}", _ => new { output, kelengkapan = new[] { kelengkapan } });

    private static ScriptCommand Submit(string opd, string unit) =>
        new($"submit {unit}", $"{opd}-{unit}", r => $"api/runs/{r}/steps/{Collect}/units/{unit}/submit",
            _ => new { realisasi = new[] { new { indicatorId = $"{opd}-iku-1", value = 85m } }, note = "Data triwulan" });

    private static ScriptCommand Accept(string opd, string unit) =>
        new($"accept {unit}", $"{opd}-analisis-data", r => $"api/runs/{r}/steps/{Collect}/units/{unit}/accept", _ => new { });
}
