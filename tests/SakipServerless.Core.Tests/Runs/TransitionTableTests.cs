using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Runs;

public sealed class TransitionTableTests
{
    public static TheoryData<RunStatus, RunTrigger, RunStatus> LegalRunMoves() =>
        new()
        {
            { RunStatus.Running, RunTrigger.Suspend, RunStatus.Suspended },
            { RunStatus.Suspended, RunTrigger.Resume, RunStatus.Running },
            { RunStatus.Running, RunTrigger.Terminate, RunStatus.Terminated },
            { RunStatus.Suspended, RunTrigger.Terminate, RunStatus.Terminated },
            { RunStatus.Running, RunTrigger.Finish, RunStatus.Completed },
        };

    [Theory]
    [MemberData(nameof(LegalRunMoves))]
    public void Run_LegalMove_LeadsToItsState(RunStatus from, RunTrigger trigger, RunStatus to) =>
        Assert.Equal(to, TransitionTable.Next(from, trigger));

    [Fact]
    public void Run_TableHasExactlyTheLegalMoves() => Assert.Equal(LegalRunMoves().Count(), TransitionTable.Run.Count);

    public static TheoryData<RunStatus, RunTrigger> IllegalRunMoves()
    {
        var data = new TheoryData<RunStatus, RunTrigger>();
        var legal = TransitionTable.Run.Select(t => (t.From, t.Trigger)).ToHashSet();
        foreach (var s in Enum.GetValues<RunStatus>())
        {
            foreach (var t in Enum.GetValues<RunTrigger>())
            {
                if (!legal.Contains((s, t)))
                {
                    data.Add(s, t);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalRunMoves))]
    public void Run_IllegalMove_RaisesConflictNamingTheState(RunStatus from, RunTrigger trigger)
    {
        var ex = Assert.Throws<DomainException>(() => TransitionTable.Next(from, trigger));
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Contains(Labels.Of(from), ex.Message);
    }

    public static TheoryData<StepStatus, StepTrigger, StepKind, StepStatus> LegalStepMoves()
    {
        var data = new TheoryData<StepStatus, StepTrigger, StepKind, StepStatus>();
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            data.Add(StepStatus.Pending, StepTrigger.Activate, kind, StepStatus.Active);
            data.Add(StepStatus.Pending, StepTrigger.Skip, kind, StepStatus.Skipped);
            data.Add(StepStatus.Active, StepTrigger.Escalate, kind, StepStatus.Active);
            data.Add(StepStatus.Done, StepTrigger.Rework, kind, StepStatus.Active);
            data.Add(StepStatus.Done, StepTrigger.Reset, kind, StepStatus.Pending);
            data.Add(StepStatus.Active, StepTrigger.Reset, kind, StepStatus.Pending);
            data.Add(StepStatus.Active, StepTrigger.Restart, kind, StepStatus.Active);
            data.Add(StepStatus.Done, StepTrigger.Restart, kind, StepStatus.Active);
        }

        foreach (var kind in new[] { StepKind.Disposition, StepKind.Task, StepKind.Rekap, StepKind.Meeting })
        {
            data.Add(StepStatus.Active, StepTrigger.Complete, kind, StepStatus.Done);
        }

        data.Add(StepStatus.Active, StepTrigger.FanIn, StepKind.Collect, StepStatus.Done);
        data.Add(StepStatus.Active, StepTrigger.Approve, StepKind.Review, StepStatus.Done);
        data.Add(StepStatus.Active, StepTrigger.Return, StepKind.Review, StepStatus.Returned);
        data.Add(StepStatus.Returned, StepTrigger.Activate, StepKind.Review, StepStatus.Active);
        data.Add(StepStatus.Returned, StepTrigger.Reset, StepKind.Review, StepStatus.Pending);
        data.Add(StepStatus.Returned, StepTrigger.Restart, StepKind.Review, StepStatus.Active);
        return data;
    }

    [Theory]
    [MemberData(nameof(LegalStepMoves))]
    public void Step_LegalMove_LeadsToItsState(StepStatus from, StepTrigger trigger, StepKind kind, StepStatus to) =>
        Assert.Equal(to, TransitionTable.Next(from, trigger, kind, "langkah"));

    [Fact]
    public void Step_TableHoldsNothingBeyondTheListedMoves() =>
        Assert.Equal(LegalStepMoves().Count(), TransitionTable.Step.Sum(t => t.Kinds.Count));

    public static TheoryData<StepStatus, StepTrigger, StepKind> IllegalStepMoves()
    {
        var legal = LegalStepMoves().Select(r => ((StepStatus)r[0], (StepTrigger)r[1], (StepKind)r[2])).ToHashSet();
        var data = new TheoryData<StepStatus, StepTrigger, StepKind>();
        foreach (var s in Enum.GetValues<StepStatus>())
        {
            foreach (var t in Enum.GetValues<StepTrigger>())
            {
                foreach (var k in Enum.GetValues<StepKind>())
                {
                    if (!legal.Contains((s, t, k)))
                    {
                        data.Add(s, t, k);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalStepMoves))]
    public void Step_IllegalMove_RaisesConflictNamingStepAndState(StepStatus from, StepTrigger trigger, StepKind kind)
    {
        var ex = Assert.Throws<DomainException>(() => TransitionTable.Next(from, trigger, kind, "langkah-7"));
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Contains("langkah-7", ex.Message);
        Assert.Contains(Labels.Of(from), ex.Message);
    }

    public static TheoryData<UnitTaskStatus, UnitTaskTrigger, UnitTaskStatus> LegalUnitMoves() =>
        new()
        {
            { UnitTaskStatus.Open, UnitTaskTrigger.Submit, UnitTaskStatus.Submitted },
            { UnitTaskStatus.Returned, UnitTaskTrigger.Submit, UnitTaskStatus.Submitted },
            { UnitTaskStatus.Submitted, UnitTaskTrigger.Accept, UnitTaskStatus.Accepted },
            { UnitTaskStatus.Submitted, UnitTaskTrigger.Return, UnitTaskStatus.Returned },
            { UnitTaskStatus.Open, UnitTaskTrigger.Escalate, UnitTaskStatus.Open },
            { UnitTaskStatus.Returned, UnitTaskTrigger.Escalate, UnitTaskStatus.Returned },
            { UnitTaskStatus.Open, UnitTaskTrigger.Reopen, UnitTaskStatus.Open },
            { UnitTaskStatus.Submitted, UnitTaskTrigger.Reopen, UnitTaskStatus.Open },
            { UnitTaskStatus.Accepted, UnitTaskTrigger.Reopen, UnitTaskStatus.Open },
            { UnitTaskStatus.Returned, UnitTaskTrigger.Reopen, UnitTaskStatus.Open },
        };

    [Theory]
    [MemberData(nameof(LegalUnitMoves))]
    public void UnitTask_LegalMove_LeadsToItsState(UnitTaskStatus from, UnitTaskTrigger trigger, UnitTaskStatus to) =>
        Assert.Equal(to, TransitionTable.Next(from, trigger, "Bidang Politik"));

    [Fact]
    public void UnitTask_TableHasExactlyTheLegalMoves() => Assert.Equal(LegalUnitMoves().Count(), TransitionTable.UnitTask.Count);

    [Theory]
    [InlineData(UnitTaskStatus.Accepted, UnitTaskTrigger.Submit)]
    [InlineData(UnitTaskStatus.Submitted, UnitTaskTrigger.Submit)]
    [InlineData(UnitTaskStatus.Open, UnitTaskTrigger.Accept)]
    [InlineData(UnitTaskStatus.Returned, UnitTaskTrigger.Accept)]
    [InlineData(UnitTaskStatus.Accepted, UnitTaskTrigger.Return)]
    [InlineData(UnitTaskStatus.Submitted, UnitTaskTrigger.Escalate)]
    [InlineData(UnitTaskStatus.Accepted, UnitTaskTrigger.Escalate)]
    public void UnitTask_IllegalMove_RaisesConflictNamingTheUnit(UnitTaskStatus from, UnitTaskTrigger trigger)
    {
        var ex = Assert.Throws<DomainException>(() => TransitionTable.Next(from, trigger, "Bidang Politik"));
        Assert.Equal(DomainErrorKind.Conflict, ex.Kind);
        Assert.Contains("Bidang Politik", ex.Message);
    }

    // ------------------------------------------------------------------ history-only commands: not transitions

    public static TheoryData<RunStatus> EveryRunStatus() => new(Enum.GetValues<RunStatus>());

    /// <summary>A run of the standard template brought into <paramref name="status"/> by the commands that lead there.</summary>
    private static RunFixture RunIn(RunStatus status)
    {
        var f = new RunFixture();
        switch (status)
        {
            case RunStatus.Suspended:
                f.Run.Suspend(RunFixture.Kepala, "Menunggu data", f.Ctx);
                break;
            case RunStatus.Terminated:
                f.Run.Terminate(RunFixture.Kepala, "Salah periode", f.Ctx);
                break;
            case RunStatus.Completed:
                f.PassDispositionAndCollect();
                f.Run.CompleteStep("susun", RunFixture.Analis, new StepCompletion("Draft", "Bahan"), f.Ctx);
                f.Run.Approve("periksa", RunFixture.Kabid, new StepCompletion("Disetujui"), f.Ctx);
                break;
        }

        Assert.Equal(status, f.Run.Status);
        return f;
    }

    private static EvidenceFile File(string id = "file-1") => new()
    {
        Id = id, FileName = "bukti.pdf", Size = 2048, Sha256 = new string('a', 64), ContentType = "application/pdf",
        UploadedAt = DateTimeOffset.UnixEpoch, UploadedBy = "u-staf", StorageKey = "t/run-1/" + id,
    };

    /// <summary>The state of a run without its history, evidence list and version: what a transition would change.</summary>
    private static string StateOf(SopRun run) =>
        System.Text.Json.JsonSerializer.Serialize(new { run.Status, run.Steps, run.Outbox, run.CompletedAt, run.SuspendedAt, run.TerminatedAt }, CoreJson.Options);

    [Theory]
    [MemberData(nameof(EveryRunStatus))]
    public void EvidenceDownload_InEveryRunStatus_AppendsHistoryOnly(RunStatus status)
    {
        var f = RunIn(status);
        f.Run.Evidence.Add(File());
        string before = StateOf(f.Run);
        int version = f.Run.Version;
        int events = f.Run.History.Count;

        f.Run.RecordEvidenceDownload("file-1", RunFixture.Kabid, f.Clock.GetUtcNow());

        Assert.Equal(before, StateOf(f.Run));
        Assert.Equal(version + 1, f.Run.Version);
        var recorded = Assert.Single(f.Run.History.Skip(events));
        Assert.Equal((RunEventType.EvidenceDownloaded, "file-1", "u-kabid"), (recorded.Type, recorded.FileId, recorded.ActorId));
    }

    [Theory]
    [InlineData(RunStatus.Running)]
    [InlineData(RunStatus.Suspended)]
    public void EvidenceUpload_WhileTheRunIsOpen_AppendsHistoryAndTheFileOnly(RunStatus status)
    {
        var f = RunIn(status);
        string before = StateOf(f.Run);
        int version = f.Run.Version;

        var recorded = f.Run.RecordEvidenceUpload(File(), RunFixture.Kasubag, f.Clock.GetUtcNow());

        Assert.Equal(before, StateOf(f.Run));
        Assert.Equal(version + 1, f.Run.Version);
        Assert.Same(recorded, Assert.Single(f.Run.Evidence));
        Assert.Equal(RunEventType.EvidenceUploaded, f.Run.History[^1].Type);
        Assert.Contains("2 KB", f.Run.History[^1].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RunStatus.Completed)]
    [InlineData(RunStatus.Terminated)]
    public void EvidenceUpload_ToAClosedRun_IsAConflict_AndChangesNothing(RunStatus status)
    {
        var f = RunIn(status);
        string before = f.Snapshot();

        var ex = Assert.Throws<DomainException>(() => f.Run.RecordEvidenceUpload(File(), RunFixture.Kasubag, f.Clock.GetUtcNow()));

        Assert.Equal(("run-closed", DomainErrorKind.Conflict), (ex.Code, ex.Kind));
        Assert.Equal(before, f.Snapshot());
    }

    [Fact]
    public void EvidenceUpload_OfTheSameBytesUnderTheSameName_ReturnsTheFirstFile_AndChangesNothing()
    {
        var f = new RunFixture();
        var first = f.Run.RecordEvidenceUpload(File("file-1"), RunFixture.Kasubag, f.Clock.GetUtcNow());
        string before = f.Snapshot();

        var again = f.Run.RecordEvidenceUpload(File("file-2"), RunFixture.Kasubag, f.Clock.GetUtcNow());

        Assert.Same(first, again);
        Assert.Equal(before, f.Snapshot());
    }

    [Fact]
    public void EvidenceReferences_ToFilesTheRunDoesNotHold_AreInvalid()
    {
        var f = new RunFixture();
        f.Run.RecordEvidenceUpload(File("file-1"), RunFixture.Kasubag, f.Clock.GetUtcNow());

        f.Run.EnsureEvidence(["file-1"]);
        var ex = Assert.Throws<DomainException>(() => f.Run.EnsureEvidence(["file-1", "file-lain"]));

        Assert.Equal(("evidence-unknown", DomainErrorKind.Invalid), (ex.Code, ex.Kind));
        Assert.Contains("file-lain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceEvents_AreNotTriggers_OfAnyTable() =>
        Assert.DoesNotContain(Enum.GetNames<RunTrigger>().Concat(Enum.GetNames<StepTrigger>()).Concat(Enum.GetNames<UnitTaskTrigger>()),
            name => name.Contains("Evidence", StringComparison.Ordinal));
}
