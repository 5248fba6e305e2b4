using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// The Kesbangpol SOP from start to completion as fifteen domain commands after the start: two dispositions, three
/// unit submissions, a unit return and resubmission, three acceptances (the last fans in), the report, a review
/// return, the report again, the approval and the quarterly report. Each command moves the version by one.
/// </summary>
public static class RunScript
{
    public const string Step1 = "menugaskan-kasubag-kasubid";
    public const string Step2 = "memerintahkan-analis";
    public const string Collect = "menyerahkan-bahan-laporan";
    public const string Report = "membuat-laporan-data-kinerja";
    public const string Review = "memeriksa-laporan-kinerja";
    public const string Final = "menyusun-laporan-triwulan-tahunan";

    public static readonly SopTemplate Template =
        SopTemplateJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sop", "jeneponto-kesbangpol-pengumpulan-data-kinerja.json")));

    public static readonly WorkCalendar Calendar = WorkCalendar.ForZone("Asia/Makassar");

    public static readonly IReadOnlyList<OrgUnit> Units = [new("u1", "Seksi 1"), new("u2", "Seksi 2"), new("u3", "Seksi 3")];

    public static readonly Actor Head = As(WellKnownRoles.HeadOfOpd);

    public static readonly IReadOnlyList<RunCommand> Commands =
    [
        Complete(Step1, "kabid", "Disposisi", "Indikator Sasaran"),
        Complete(Step2, "kasubid-kasubag", "Disposisi", "Disposisi"),
        Submit("u1"),
        Submit("u2"),
        Submit("u3"),
        new("return-unit u1", (run, ctx) => run.ReturnUnit(Collect, "u1", As("analisis-data"), "Rincian per kegiatan belum ada.", ctx)),
        Submit("u1"),
        Accept("u1"),
        Accept("u2"),
        Accept("u3"),
        Complete(Report, "kasubid-kasubag", "Laporan Data Kinerja", "Bahan Laporan"),
        new("return review", (run, ctx) => run.Return(Review, As("kabid"), "Analisis capaian belum dibandingkan dengan target.", ctx)),
        Complete(Report, "kasubid-kasubag", "Laporan Data Kinerja", "Bahan Laporan"),
        new("approve review", (run, ctx) => run.Approve(Review, As("kabid"), new StepCompletion("Laporan Disposisi", "Laporan Kinerja"), ctx)),
        Complete(Final, "kasubag-perencanaan", "Laporan Triwulan", "Laporan Kinerja"),
    ];

    public static RunContext At(DateTimeOffset now) => new(Template, Calendar, EscalationPolicy.Default, now);

    public static SopRun Start(string runId, string tenantId, string opdId, int quarter, DateTimeOffset now) =>
        SopRun.Start(runId, tenantId, opdId, new Period(2026, quarter), Units, Head, At(now));

    private static Actor As(string role) => Actor.Create("u-" + role, role, role);

    private static RunCommand Complete(string step, string role, string output, string kelengkapan) =>
        new($"complete {step}", (run, ctx) => run.CompleteStep(step, As(role), new StepCompletion(output, kelengkapan), ctx));

    private static RunCommand Submit(string unit) =>
        new($"submit {unit}", (run, ctx) => run.SubmitUnit(Collect, unit, Actor.ForUnit("u-" + unit, unit, unit),
            new UnitSubmissionInput([new RealisasiEntry("iku-1", 85m)], ["bukti-" + unit]), ctx));

    private static RunCommand Accept(string unit) =>
        new($"accept {unit}", (run, ctx) => run.AcceptUnit(Collect, unit, As("analisis-data"), ctx));
}
