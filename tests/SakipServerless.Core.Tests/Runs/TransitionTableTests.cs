using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

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
}
