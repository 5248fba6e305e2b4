using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;
using SakipServerless.Core.Tests.Templates;

namespace SakipServerless.Core.Tests.Scenarios;

/// <summary>
/// Each seed SOP runs end to end for a first-quarter and a fourth-quarter period, under a manual clock, starting at
/// 15:50 on the last working afternoon before a long weekend: due times must skip the weekend and the national holidays.
/// </summary>
public sealed class SeedSopScenarioTests
{
    private static readonly IReadOnlyList<OrgUnit> Units =
    [
        new("unit-1", "Bidang Ideologi, Wawasan Kebangsaan dan Kewaspadaan Nasional"),
        new("unit-2", "Bidang Ketahanan dan Kemasyarakatan"),
        new("unit-3", "Kelurahan Sungai Seluang"),
    ];

    /// <summary>
    /// Q1 2026 data is collected in April: Thursday 2 April 15:50, with Good Friday (3 April, libur nasional) and the
    /// weekend ahead, so a step started then with 10 office minutes left is due on Monday 6 April.
    /// </summary>
    public static TheoryData<string, string> FirstQuarter() => new()
    {
        { "jeneponto-kesbangpol-pengumpulan-data-kinerja", "2026-04-06T07:35:00+08:00" },
        { "balangan-bappedalitbang-pengumpulan-data-kinerja", "2026-04-06T07:35:00+08:00" },
        { "bantul-inspektorat-pengumpulan-data-kinerja", "2026-04-06T07:35:00+07:00" },
        { "samboja-kecamatan-pengumpulan-data-kinerja", "2026-04-06T07:50:00+08:00" },
        { "batui-selatan-kecamatan-pengumpulan-data-kinerja", "2026-04-06T07:35:00+08:00" },
    };

    /// <summary>
    /// Q4 2026 closes the year: Wednesday 23 December 15:50, followed by cuti bersama (24th), Christmas (25th) and the weekend.
    /// </summary>
    public static TheoryData<string, string> FourthQuarter() => new()
    {
        { "jeneponto-kesbangpol-pengumpulan-data-kinerja", "2026-12-28T07:35:00+08:00" },
        { "balangan-bappedalitbang-pengumpulan-data-kinerja", "2026-12-28T07:35:00+08:00" },
        { "bantul-inspektorat-pengumpulan-data-kinerja", "2026-12-28T07:35:00+07:00" },
        { "samboja-kecamatan-pengumpulan-data-kinerja", "2026-12-28T07:50:00+08:00" },
        { "batui-selatan-kecamatan-pengumpulan-data-kinerja", "2026-12-28T07:35:00+08:00" },
    };

    [Theory]
    [MemberData(nameof(FirstQuarter))]
    public void FirstQuarterRun_CompletesEndToEnd(string templateId, string firstDue) =>
        RunScenario(templateId, new Period(2026, 1), Local(templateId, 2026, 4, 2), firstDue);

    [Theory]
    [MemberData(nameof(FourthQuarter))]
    public void FourthQuarterRun_CompletesEndToEnd_IncludingSemesterAndYearEndSteps(string templateId, string firstDue) =>
        RunScenario(templateId, new Period(2026, 4), Local(templateId, 2026, 12, 23), firstDue);

    private static void RunScenario(string templateId, Period period, DateTimeOffset start, string firstDue)
    {
        var template = LoadTemplate(templateId);
        bool reviewInPeriod = SeedRunDriver.ExpectedPath(template, period, false).Any(id => template.FindStep(id)!.Kind == StepKind.Review);
        var driver = new SeedRunDriver(template, period, start, Units, returnAtReview: reviewInPeriod);
        var run = driver.Run;

        // 1. The first step is due after the long weekend, in the tenant's own zone.
        var first = run.ActiveStep!;
        Assert.Equal(DateTimeOffset.Parse(firstDue), first.DueAt);
        Assert.Equal(DateTimeOffset.Parse(firstDue).Offset, first.DueAt!.Value.Offset);

        // 2. Nobody acts: the deadline passes (level 1), then the grace day (level 2, head of the OPD).
        driver.Clock.SetTo(DateTimeOffset.Parse(firstDue).AddDays(1).AddMinutes(30));
        Assert.True(driver.Sweep() >= 2);
        Assert.Contains(run.History, e => e.Type is RunEventType.StepEscalated or RunEventType.UnitTaskEscalated && e.EscalationLevel == 2);
        Assert.Contains(run.Outbox, n => n.EscalationLevel == 2 && n.RecipientRoles.Contains(WellKnownRoles.HeadOfOpd));
        Assert.Equal(0, driver.Sweep());

        // 3. The OPD works through the SOP, with a returned unit submission and (where the period has a review) a returned report.
        driver.RunToCompletion();

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(SeedRunDriver.ExpectedPath(template, period, reviewInPeriod),
            run.History.Where(e => e.Type == RunEventType.StepActivated).Select(e => e.StepId!));
        Assert.Single(run.History, e => e.Type == RunEventType.UnitTaskReturned);
        Assert.Equal(reviewInPeriod ? 1 : 0, run.History.Count(e => e.Type == RunEventType.StepReturned));
        Assert.All(run.History.Where(e => e.Type == RunEventType.StepReturned), e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));

        // 4. Steps outside the period are skipped, all others done; the history is complete and in order.
        foreach (var def in template.Steps)
        {
            var step = run.FindStep(def.Id)!;
            bool inPeriod = def.When == StepWhen.Always || (def.When == StepWhen.SemesterEnd && period.IsSemesterEnd) || (def.When == StepWhen.YearEnd && period.IsYearEnd);
            Assert.Equal(inPeriod ? StepStatus.Done : StepStatus.Skipped, step.Status);
        }

        Assert.Equal(RunEventType.RunStarted, run.History[0].Type);
        Assert.Equal(RunEventType.RunCompleted, run.History[^1].Type);
        Assert.Equal(run.History.OrderBy(e => e.At).ThenBy(e => e.Seq).Select(e => e.Seq), run.History.Select(e => e.Seq));

        // 5. Every due time the engine set is office time on a working day in the tenant's calendar (or the closing minute).
        foreach (var due in run.History.Where(e => e.DueAt is not null).Select(e => e.DueAt!.Value))
        {
            var local = driver.Calendar.ToLocal(due);
            Assert.True(driver.Calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)), $"{local:O} is not a working day");
            Assert.True(driver.Calendar.IsOfficeTime(due) || driver.Calendar.IsOfficeTime(due.AddMinutes(-1)), $"{local:O} is outside office hours");
        }
    }

    private static SopTemplate LoadTemplate(string id) =>
        TemplateValidator.EnsureValid(SopTemplateJson.Parse(File.ReadAllText(Path.Combine(SeedTemplates.Folder, id + ".json"))));

    private static DateTimeOffset Local(string templateId, int year, int month, int day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(LoadTemplate(templateId).Agency.TimeZone!);
        var local = new DateTime(year, month, day, 15, 50, 0);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
