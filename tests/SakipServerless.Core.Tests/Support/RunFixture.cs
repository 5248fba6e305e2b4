using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Core.Tests.Support;

/// <summary>A run with its template, calendar and a manual clock: the pieces every run test needs.</summary>
public sealed class RunFixture
{
    public static readonly Actor Kabid = Actor.Create("u-kabid", "Kabid", "kabid");
    public static readonly Actor Kasubag = Actor.Create("u-kasubag", "Kasubag", "kasubag");
    public static readonly Actor Analis = Actor.Create("u-analis", "Analis", "analis");
    public static readonly Actor Kepala = Actor.Create("u-kepala", "Kepala Badan", WellKnownRoles.HeadOfOpd);
    public static readonly IReadOnlyList<OrgUnit> Units = [new("bid-1", "Bidang Ideologi"), new("bid-2", "Bidang Politik")];

    public RunFixture(SopTemplate? template = null, DateTimeOffset? start = null, Period? period = null, string zone = "Asia/Makassar")
    {
        Template = template ?? TemplateBuilder.Standard();
        Calendar = WorkCalendar.ForZone(zone);
        // Monday 12 January 2026, 09:00 WITA: an ordinary working morning.
        Clock = new ManualTimeProvider(start ?? new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.FromHours(8)));
        Contexts = new RunContextFactory(Clock);
        Run = SopRun.Start("run-1", "tenant-1", "opd-1", period ?? new Period(2026, 1), Units, Kabid, Ctx);
    }

    public SopTemplate Template { get; }

    public WorkCalendar Calendar { get; }

    public ManualTimeProvider Clock { get; }

    public RunContextFactory Contexts { get; }

    public SopRun Run { get; }

    public RunContext Ctx => Contexts.For(Template, Calendar);

    public static Actor UnitStaff(string unitId) => Actor.ForUnit($"u-{unitId}", $"Staf {unitId}", unitId);

    public static UnitSubmissionInput Submission(decimal value = 10) => new([new RealisasiEntry("ind-1", value)], ["file-1"]);

    /// <summary>Drives the standard template through its collect step (both units submit and are accepted).</summary>
    public void PassDispositionAndCollect()
    {
        Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), Ctx);
        foreach (var unit in Units)
        {
            Run.SubmitUnit("kumpul", unit.Id, UnitStaff(unit.Id), Submission(), Ctx);
            Run.AcceptUnit("kumpul", unit.Id, Kasubag, Ctx);
        }
    }

    public string Snapshot() => RunJson.Serialize(Run);
}
