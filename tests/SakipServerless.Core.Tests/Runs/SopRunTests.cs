using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;
using SakipServerless.Core.Tests.Support;
using static SakipServerless.Core.Tests.Support.RunFixture;

namespace SakipServerless.Core.Tests.Runs;

public sealed class SopRunTests
{
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Wita);

    [Fact]
    public void Start_ActivatesFirstStep_WithDueTimeInTenantZone()
    {
        var f = new RunFixture();

        var first = f.Run.ActiveStep!;
        Assert.Equal("disposisi", first.StepId);
        Assert.Equal("kabid", first.AssigneeRole);
        Assert.Equal(At(1, 12, 9, 15), first.DueAt);
        Assert.Equal(Wita, first.DueAt!.Value.Offset);
        Assert.Equal(RunStatus.Running, f.Run.Status);
        Assert.Equal(1, f.Run.Version);
        Assert.Contains(f.Run.Outbox, n => n.Kind == NotificationKind.TaskAssigned && n.RecipientRoles.SequenceEqual(["kabid"]));
    }

    [Theory]
    [InlineData(1, new[] { "semester", "tahunan" })]
    [InlineData(2, new[] { "tahunan" })]
    [InlineData(3, new[] { "semester", "tahunan" })]
    [InlineData(4, new string[0])]
    public void Start_SkipsStepsWhoseWhenDoesNotMatchThePeriod(int quarter, string[] skipped)
    {
        var f = new RunFixture(period: new Period(2026, quarter));

        Assert.Equal(skipped, f.Run.Steps.Where(s => s.Status == StepStatus.Skipped).Select(s => s.StepId));
        Assert.Equal(skipped.Length, f.Run.History.Count(e => e.Type == RunEventType.StepSkipped));
    }

    [Fact]
    public void Start_WithCollectStepButNoUnits_IsRejected()
    {
        var f = new RunFixture();
        var ex = Assert.Throws<DomainException>(() => SopRun.Start("r2", "t", "o", new Period(2026, 1), [], Kabid, f.Ctx));
        Assert.Equal("units-required", ex.Code);
    }

    [Fact]
    public void Complete_WithoutKelengkapan_IsRejected_AndChangesNothing()
    {
        var f = new RunFixture();
        string before = f.Snapshot();

        var ex = Assert.Throws<DomainException>(() => f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi"), f.Ctx));

        Assert.Equal("kelengkapan-missing", ex.Code);
        Assert.Contains("Indikator Sasaran", ex.Message);
        Assert.Equal(before, f.Snapshot());
    }

    [Fact]
    public void Complete_AcceptsKelengkapanWrittenWithOtherCaseAndSpacing()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "  indikator   sasaran "), f.Ctx);
        Assert.Equal("kumpul", f.Run.ActiveStep!.StepId);
    }

    [Fact]
    public void Complete_WithoutOutput_IsRejected()
    {
        var f = new RunFixture();
        var ex = Assert.Throws<DomainException>(() => f.Run.CompleteStep("disposisi", Kabid, new StepCompletion(" ", "Indikator Sasaran"), f.Ctx));
        Assert.Equal("output-required", ex.Code);
    }

    [Fact]
    public void Complete_ByARoleNotOnTheStep_IsForbidden_AndChangesNothing()
    {
        var f = new RunFixture();
        string before = f.Snapshot();

        var ex = Assert.Throws<DomainException>(() => f.Run.CompleteStep("disposisi", Analis, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx));

        Assert.Equal(DomainErrorKind.Forbidden, ex.Kind);
        Assert.Contains("Kepala Bidang", ex.Message);
        Assert.Equal(before, f.Snapshot());
    }

    [Fact]
    public void Complete_AStepThatIsNotActive_IsConflict()
    {
        var f = new RunFixture();
        var ex = Assert.Throws<DomainException>(() => f.Run.CompleteStep("susun", Analis, new StepCompletion("x"), f.Ctx));
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public void Complete_UnknownStep_IsNotFound()
    {
        var f = new RunFixture();
        var ex = Assert.Throws<DomainException>(() => f.Run.CompleteStep("tidak-ada", Kabid, new StepCompletion("x"), f.Ctx));
        Assert.Equal(DomainErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public void Collect_FansOutOneTaskPerUnit_EachWithItsOwnDueTime()
    {
        var f = new RunFixture();
        f.Clock.Advance(TimeSpan.FromMinutes(10));
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);

        var collect = f.Run.ActiveStep!;
        Assert.Equal(StepKind.Collect, collect.Kind);
        Assert.Equal(["bid-1", "bid-2"], collect.UnitTasks.Select(u => u.UnitId));
        Assert.All(collect.UnitTasks, u => Assert.Equal(At(1, 13, 9, 10), u.DueAt));
        Assert.Null(collect.NextEscalationAt);
        Assert.Equal(2, f.Run.Outbox.Count(n => n.Kind == NotificationKind.UnitTaskAssigned));

        // A return gives one unit a fresh deadline without touching the other's.
        f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), Submission(), f.Ctx);
        f.Clock.Advance(TimeSpan.FromHours(1));
        f.Run.ReturnUnit("kumpul", "bid-1", Kasubag, "Bukti dukung belum ditandatangani", f.Ctx);
        Assert.Equal(At(1, 13, 10, 10), collect.FindUnit("bid-1")!.DueAt);
        Assert.Equal(At(1, 13, 9, 10), collect.FindUnit("bid-2")!.DueAt);
    }

    [Fact]
    public void Collect_FansInWhenEveryUnitIsAccepted()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), Submission(), f.Ctx);
        f.Run.AcceptUnit("kumpul", "bid-1", Kasubag, f.Ctx);
        Assert.Equal("kumpul", f.Run.ActiveStep!.StepId);

        f.Run.SubmitUnit("kumpul", "bid-2", UnitStaff("bid-2"), Submission(), f.Ctx);
        f.Run.AcceptUnit("kumpul", "bid-2", Kasubag, f.Ctx);

        Assert.Equal(StepStatus.Done, f.Run.FindStep("kumpul")!.Status);
        Assert.Equal("susun", f.Run.ActiveStep!.StepId);
    }

    [Fact]
    public void SubmitUnit_ByAnotherUnit_IsForbidden()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        var ex = Assert.Throws<DomainException>(() => f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-2"), Submission(), f.Ctx));
        Assert.Equal(DomainErrorKind.Forbidden, ex.Kind);
    }

    [Fact]
    public void SubmitUnit_Empty_OrWithARepeatedIndicator_IsRejected()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        var staff = UnitStaff("bid-1");

        Assert.Equal("submission-empty", Assert.Throws<DomainException>(() => f.Run.SubmitUnit("kumpul", "bid-1", staff, new([], []), f.Ctx)).Code);
        var twice = new UnitSubmissionInput([new("ind-1", 1), new("ind-1", 2)], ["file-1"]);
        Assert.Equal("realisasi-duplicate", Assert.Throws<DomainException>(() => f.Run.SubmitUnit("kumpul", "bid-1", staff, twice, f.Ctx)).Code);
    }

    [Fact]
    public void SubmitUnit_WithoutEvidence_IsRejectedNamingTheDocuments_AndChangesNothing()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        int version = f.Run.Version, events = f.Run.History.Count;

        var ex = Assert.Throws<DomainException>(() => f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), new([new("ind-1", 10)], []), f.Ctx));

        Assert.Equal("evidence-required", ex.Code);
        Assert.Equal(DomainErrorKind.Invalid, ex.Kind);
        Assert.Contains("sedikitnya 1 berkas bukti", ex.Message);
        Assert.Equal(version, f.Run.Version);
        Assert.Equal(events, f.Run.History.Count);
        Assert.Equal(UnitTaskStatus.Open, f.Run.FindStep("kumpul")!.UnitTasks.Single(u => u.UnitId == "bid-1").Status);
    }

    [Fact]
    public void Resubmission_AfterAReturn_MustCarryEvidenceAgain()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), Submission(), f.Ctx);
        f.Run.ReturnUnit("kumpul", "bid-1", Kasubag, "Bukti dukung realisasi belum dilampirkan.", f.Ctx);

        var ex = Assert.Throws<DomainException>(() => f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), new([new("ind-1", 10)], ["  "]), f.Ctx));

        Assert.Equal("evidence-required", ex.Code);
        var task = f.Run.FindStep("kumpul")!.UnitTasks.Single(u => u.UnitId == "bid-1");
        Assert.Equal(UnitTaskStatus.Returned, task.Status);
        Assert.Equal("Bukti dukung realisasi belum dilampirkan.", task.LastReturnReason);
    }

    private static SopTemplate CollectAsking(int files)
    {
        var template = TemplateBuilder.Standard();
        return template with { Steps = template.Steps.Select(s => s.Id == "kumpul" ? s with { MinEvidenceFiles = files } : s).ToList() };
    }

    [Fact]
    public void CollectStep_TheTemplateWaivesEvidenceFor_AcceptsASubmissionWithoutFiles()
    {
        var f = new RunFixture(CollectAsking(0));
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);

        f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), new([new("ind-1", 10)], []), f.Ctx);

        Assert.Equal(UnitTaskStatus.Submitted, f.Run.FindStep("kumpul")!.UnitTasks.Single(u => u.UnitId == "bid-1").Status);
    }

    [Fact]
    public void CollectStep_AskingForTwoFiles_RefusesOne()
    {
        var f = new RunFixture(CollectAsking(2));
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);

        var ex = Assert.Throws<DomainException>(() => f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), new([new("ind-1", 10)], ["file-1", "file-1"]), f.Ctx));
        Assert.Contains("sedikitnya 2 berkas", ex.Message);
        f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), new([new("ind-1", 10)], ["file-1", "file-2"]), f.Ctx);
    }

    [Fact]
    public void SubmitUnit_BeforeTheCollectStepOpens_IsConflict()
    {
        var f = new RunFixture();
        var ex = Assert.Throws<DomainException>(() => f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), Submission(), f.Ctx));
        Assert.Equal("collect-not-open", ex.Code);
    }

    [Fact]
    public void AcceptUnit_BeforeItWasSubmitted_IsConflict()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        var ex = Assert.Throws<DomainException>(() => f.Run.AcceptUnit("kumpul", "bid-1", Kasubag, f.Ctx));
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public void ReturnUnit_WithoutReason_IsRejected()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), Submission(), f.Ctx);
        string before = f.Snapshot();

        var ex = Assert.Throws<DomainException>(() => f.Run.ReturnUnit("kumpul", "bid-1", Kasubag, "  ", f.Ctx));

        Assert.Equal("reason-required", ex.Code);
        Assert.Equal(before, f.Snapshot());
    }

    [Fact]
    public void Return_WithoutReason_IsRejected_AndChangesNothing()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        f.Run.CompleteStep("susun", Analis, new StepCompletion("Draft"), f.Ctx);
        string before = f.Snapshot();

        var ex = Assert.Throws<DomainException>(() => f.Run.Return("periksa", Kabid, null, f.Ctx));

        Assert.Equal("reason-required", ex.Code);
        Assert.Equal(before, f.Snapshot());
    }

    [Fact]
    public void Return_ReactivatesTheReworkStepWithAFreshDueTime_AndCountsTheLoop()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        f.Run.CompleteStep("susun", Analis, new StepCompletion("Draft"), f.Ctx);
        f.Clock.Advance(TimeSpan.FromMinutes(30));

        f.Run.Return("periksa", Kabid, "Capaian triwulan belum dihitung", f.Ctx);

        var review = f.Run.FindStep("periksa")!;
        var rework = f.Run.FindStep("susun")!;
        Assert.Equal(StepStatus.Returned, review.Status);
        Assert.Equal(1, review.ReturnCount);
        Assert.Equal(StepStatus.Active, rework.Status);
        Assert.Equal(2, rework.Activations);
        Assert.Equal(f.Ctx.Now.ToOffset(Wita).AddHours(2), rework.DueAt);
        Assert.Contains(f.Run.Outbox, n => n.Kind == NotificationKind.StepReturned && n.Message.Contains("Capaian triwulan belum dihitung"));
        var returned = Assert.Single(f.Run.History, e => e.Type == RunEventType.StepReturned);
        Assert.Equal("Capaian triwulan belum dihitung", returned.Reason);

        // The rework flows back into the same review, which can now approve.
        f.Run.CompleteStep("susun", Analis, new StepCompletion("Draft diperbaiki"), f.Ctx);
        Assert.Equal("periksa", f.Run.ActiveStep!.StepId);
        f.Run.Approve("periksa", Kabid, new StepCompletion("Laporan disetujui"), f.Ctx);
        Assert.Equal(RunStatus.Completed, f.Run.Status);
    }

    [Fact]
    public void Return_ToACollectStep_ReopensEveryUnit()
    {
        var template = new TemplateBuilder()
            .Role("kabid").Role("kasubag")
            .Step("kumpul", StepKind.Collect, "kasubag", "P1D")
            .Step("periksa", StepKind.Review, "kabid", "PT1H", s => s with { OnReturn = "kumpul" })
            .Build();
        var f = new RunFixture(template);
        foreach (var unit in Units)
        {
            f.Run.SubmitUnit("kumpul", unit.Id, UnitStaff(unit.Id), Submission(), f.Ctx);
            f.Run.AcceptUnit("kumpul", unit.Id, Kasubag, f.Ctx);
        }

        f.Run.Return("periksa", Kabid, "Data bidang tidak konsisten", f.Ctx);

        Assert.All(f.Run.FindStep("kumpul")!.UnitTasks, u => Assert.Equal(UnitTaskStatus.Open, u.Status));
    }

    [Fact]
    public void QuarterRun_CompletesAfterTheReview_AndRecordsIt()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        f.Run.CompleteStep("susun", Analis, new StepCompletion("Draft"), f.Ctx);
        f.Run.Approve("periksa", Kabid, new StepCompletion("OK"), f.Ctx);

        Assert.Equal(RunStatus.Completed, f.Run.Status);
        Assert.NotNull(f.Run.CompletedAt);
        Assert.Null(f.Run.NextDeadline);
        Assert.Equal(RunEventType.RunCompleted, f.Run.History[^1].Type);
        Assert.Contains(f.Run.Outbox, n => n.Kind == NotificationKind.RunCompleted);
    }

    [Fact]
    public void Deadline_Level1ThenLevel2_NotifiesAssigneeSupervisorThenHead()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        var susun = f.Run.ActiveStep!;
        Assert.Equal(At(1, 12, 11, 0), susun.DueAt);

        f.Clock.SetTo(At(1, 12, 10, 59));
        Assert.Equal(0, f.Run.ProcessDeadlines(f.Ctx));

        f.Clock.SetTo(At(1, 12, 11, 0));
        Assert.Equal(1, f.Run.ProcessDeadlines(f.Ctx));
        Assert.Equal(1, susun.EscalationLevel);
        var late = f.Run.Outbox.Last();
        Assert.Equal(NotificationKind.StepLate, late.Kind);
        Assert.Equal(["analis", "kasubag"], late.RecipientRoles);
        Assert.Equal(0, f.Run.ProcessDeadlines(f.Ctx));

        // Grace of one working day after the deadline.
        Assert.Equal(At(1, 13, 11, 0), susun.NextEscalationAt);
        f.Clock.SetTo(At(1, 13, 11, 0));
        Assert.Equal(1, f.Run.ProcessDeadlines(f.Ctx));
        Assert.Equal(2, susun.EscalationLevel);
        Assert.Equal([WellKnownRoles.HeadOfOpd], f.Run.Outbox.Last().RecipientRoles);
        Assert.Null(susun.NextEscalationAt);

        f.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, f.Run.ProcessDeadlines(f.Ctx));
    }

    [Fact]
    public void Sweep_AfterWeekendDowntime_AppliesBothLevelsWithTheOriginalDueTime()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        var due = f.Run.ActiveStep!.DueAt;

        f.Clock.SetTo(At(1, 19, 8, 0)); // the next Monday: the sweeper was down all week
        Assert.Equal(2, f.Run.ProcessDeadlines(f.Ctx));

        var events = f.Run.History.Where(e => e.Type is RunEventType.StepLate or RunEventType.StepEscalated).ToList();
        Assert.Equal([1, 2], events.Select(e => e.EscalationLevel!.Value));
        Assert.All(events, e => Assert.Equal(due, e.DueAt));
    }

    [Fact]
    public void UnitTask_Deadline_EscalatesTheUnitNotTheCollectStep()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        f.Run.SubmitUnit("kumpul", "bid-1", UnitStaff("bid-1"), Submission(), f.Ctx);

        f.Clock.SetTo(At(1, 13, 9, 0));
        Assert.Equal(1, f.Run.ProcessDeadlines(f.Ctx));

        var collect = f.Run.ActiveStep!;
        Assert.Equal(0, collect.EscalationLevel);
        Assert.Equal(0, collect.FindUnit("bid-1")!.EscalationLevel);
        Assert.Equal(1, collect.FindUnit("bid-2")!.EscalationLevel);
        var note = f.Run.Outbox.Last();
        Assert.Equal(NotificationKind.UnitTaskLate, note.Kind);
        Assert.Equal("bid-2", note.RecipientUnitId);
        Assert.Equal(["kasubag"], note.RecipientRoles);
    }

    [Fact]
    public void HumanAnswerBeforeTheSweep_WinsTheRace_AndTheSweepIsANoOp()
    {
        var f = new RunFixture();
        f.Clock.SetTo(At(1, 12, 9, 20)); // past the 09:15 due time, sweep not yet run
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        Assert.True(f.Run.FindStep("disposisi")!.CompletedLate);

        f.Run.ProcessDeadlines(f.Ctx);
        Assert.DoesNotContain(f.Run.History, e => e.StepId == "disposisi" && e.Type == RunEventType.StepLate);
    }

    [Fact]
    public void Suspend_StopsTheClock_AndResumePushesDeadlinesBackByTheWorkingTimeLost()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect(); // susun due Monday 11:00
        f.Clock.SetTo(At(1, 12, 10, 0));
        f.Run.Suspend(Kepala, "Menunggu hasil rapat pimpinan", f.Ctx);
        Assert.Null(f.Run.NextDeadline);

        f.Clock.SetTo(At(1, 14, 10, 0));
        Assert.Equal(0, f.Run.ProcessDeadlines(f.Ctx));
        var ex = Assert.Throws<DomainException>(() => f.Run.CompleteStep("susun", Analis, new StepCompletion("x"), f.Ctx));
        Assert.Equal("run-not-running", ex.Code);

        f.Run.Resume(Kepala, f.Ctx);
        // One working hour was left when suspended: due Wednesday 11:00.
        Assert.Equal(At(1, 14, 11, 0), f.Run.ActiveStep!.DueAt);
        Assert.Equal(At(1, 14, 11, 0), f.Run.NextDeadline);
    }

    [Fact]
    public void Management_ByAnOrdinaryActor_IsForbidden()
    {
        var f = new RunFixture();
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => f.Run.Suspend(Analis, "x", f.Ctx)).Kind);
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => f.Run.Terminate(Kabid, "x", f.Ctx)).Kind);
    }

    [Fact]
    public void Terminate_RequiresAReason_ThenRefusesEveryCommand()
    {
        var f = new RunFixture();
        Assert.Equal("reason-required", Assert.Throws<DomainException>(() => f.Run.Terminate(Kepala, "", f.Ctx)).Code);

        f.Run.Terminate(Kepala, "SOP diganti", f.Ctx);

        Assert.Equal(RunStatus.Terminated, f.Run.Status);
        Assert.Null(f.Run.NextDeadline);
        Assert.Throws<DomainException>(() => f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx));
        Assert.Throws<DomainException>(() => f.Run.Resume(Kepala, f.Ctx));
    }

    [Fact]
    public void RestartStep_BeforeTheActiveOne_ResetsTheWorkAfterIt()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        f.Run.RestartStep("disposisi", Kepala, "Disposisi salah alamat", f.Ctx);

        Assert.Equal("disposisi", f.Run.ActiveStep!.StepId);
        Assert.Equal(StepStatus.Pending, f.Run.FindStep("kumpul")!.Status);
        Assert.Equal(StepStatus.Pending, f.Run.FindStep("susun")!.Status);
        Assert.Equal(RunEventType.StepRestarted, f.Run.History.Last(e => e.StepId == "disposisi").Type);

        // The flow continues from there, and the collect step reopens every unit.
        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        Assert.All(f.Run.ActiveStep!.UnitTasks, u => Assert.Equal(UnitTaskStatus.Open, u.Status));
    }

    [Fact]
    public void RestartStep_OfAReturnedReview_LeavesExactlyOneActiveStep()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        f.Run.CompleteStep("susun", Analis, new StepCompletion("Draft"), f.Ctx);
        f.Run.Return("periksa", Kabid, "Perbaiki", f.Ctx);

        f.Run.RestartStep("periksa", Kepala, "Pengembalian keliru", f.Ctx);

        Assert.Equal("periksa", Assert.Single(f.Run.Steps, s => s.Status == StepStatus.Active).StepId);
        Assert.Equal(StepStatus.Pending, f.Run.FindStep("susun")!.Status);
    }

    [Fact]
    public void RestartStep_ThatWasNotReached_IsConflict()
    {
        var f = new RunFixture();
        var ex = Assert.Throws<DomainException>(() => f.Run.RestartStep("susun", Kepala, "x", f.Ctx));
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public void Command_WithAnotherTemplateVersion_IsRefused()
    {
        var f = new RunFixture();
        var v2 = f.Template with { Version = 2 };
        var ctx = f.Contexts.For(v2, f.Calendar);
        var ex = Assert.Throws<DomainException>(() => f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), ctx));
        Assert.Equal("template-mismatch", ex.Code);
    }

    [Fact]
    public void EveryAppliedCommand_IncrementsVersionOnce_AndAppendsHistory()
    {
        var f = new RunFixture();
        int version = f.Run.Version, events = f.Run.History.Count;

        f.Run.CompleteStep("disposisi", Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);

        Assert.Equal(version + 1, f.Run.Version);
        Assert.True(f.Run.History.Count > events);
        Assert.Equal(Enumerable.Range(1, f.Run.History.Count), f.Run.History.Select(e => e.Seq));
    }

    [Fact]
    public void NotificationIds_AreUnique()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        Assert.Equal(f.Run.Outbox.Count, f.Run.Outbox.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void StoredJson_RoundTrips_AndTheRestoredRunCarriesOn()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();
        string json = f.Snapshot();

        var restored = RunJson.Deserialize(json);

        Assert.Equal(json, RunJson.Serialize(restored));
        Assert.Contains("\"status\":\"active\"", json);
        restored.CompleteStep("susun", Analis, new StepCompletion("Draft"), f.Ctx);
        Assert.Equal("periksa", restored.ActiveStep!.StepId);
    }
}
