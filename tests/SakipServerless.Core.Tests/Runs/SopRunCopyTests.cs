using SakipServerless.Core.Runs;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Runs;

/// <summary>Stores keep a private copy of the last state they read or wrote and hand out copies of it.</summary>
public sealed class SopRunCopyTests
{
    [Fact]
    public void Copy_ReadsLikeTheOriginal_AndCommandsOnItLeaveTheOriginalUnchanged()
    {
        var f = new RunFixture();
        f.Run.CompleteStep("disposisi", RunFixture.Kabid, new StepCompletion("Disposisi", "Indikator Sasaran"), f.Ctx);
        f.Run.SubmitUnit("kumpul", "bid-1", RunFixture.UnitStaff("bid-1"), RunFixture.Submission(), f.Ctx);
        string before = f.Snapshot();

        var copy = f.Run.Copy();
        Assert.Equal(before, RunJson.Serialize(copy));

        copy.AcceptUnit("kumpul", "bid-1", RunFixture.Kasubag, f.Ctx);
        copy.SubmitUnit("kumpul", "bid-2", RunFixture.UnitStaff("bid-2"), RunFixture.Submission(20), f.Ctx);
        copy.DrainOutbox();

        Assert.Equal(before, f.Snapshot());
        Assert.NotEqual(before, RunJson.Serialize(copy));
    }

    [Fact]
    public void StateDocument_WithItsHistoryBeside_ReadsBackAsTheWholeRun()
    {
        var f = new RunFixture();
        f.PassDispositionAndCollect();

        string state = RunJson.SerializeState(f.Run);
        var back = RunJson.DeserializeState(state, f.Run.History.Select(e => RunJson.DeserializeEvent(RunJson.SerializeEvent(e))));

        Assert.DoesNotContain("\"history\"", state, StringComparison.Ordinal);
        Assert.Equal(f.Snapshot(), RunJson.Serialize(back));
    }
}
