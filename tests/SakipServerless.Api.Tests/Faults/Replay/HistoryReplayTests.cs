using System.Text.Json.Nodes;
using SakipServerless.Api.Tests.Faults.Support;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Tests.Faults.Replay;

/// <summary>The replay checker agrees with runs the domain produced and catches each kind of divergence a torn or doubled write would leave.</summary>
public sealed class HistoryReplayTests
{
    private static readonly Period Q1 = new(2026, 1);

    [Fact]
    public void RunsProducedByTheDomain_EqualTheirReplay()
    {
        Assert.Empty(HistoryReplay.Check(Scripted(), FaultWorld.Template));
        Assert.Empty(HistoryReplay.Check(Escalated(), FaultWorld.Template));
        Assert.Empty(HistoryReplay.Check(SuspendedAndRestarted(), FaultWorld.Template));
    }

    [Theory]
    [InlineData("version bumped without an event")]
    [InlineData("a step status changed without an event")]
    [InlineData("an escalation level without its event")]
    [InlineData("an acceptance recorded twice")]
    [InlineData("the last event lost")]
    [InlineData("a unit due time moved")]
    [InlineData("an escalation recorded twice")]
    public void DivergentState_IsReported(string divergence)
    {
        var json = JsonNode.Parse(RunJson.Serialize(divergence.Contains("escalation", StringComparison.Ordinal) ? Escalated() : Scripted()))!.AsObject();
        var steps = json["steps"]!.AsArray();
        var history = json["history"]!.AsArray();
        switch (divergence)
        {
            case "version bumped without an event":
                json["version"] = json["version"]!.GetValue<int>() + 1;
                break;
            case "a step status changed without an event":
                steps[0]!["status"] = "active";
                break;
            case "an escalation level without its event":
                var late = history.Last(e => e!["type"]!.GetValue<string>() == "unit-task-escalated")!;
                history.Remove(late);
                RenumberHistory(history);
                break;
            case "an acceptance recorded twice":
                var accepted = history.First(e => e!["type"]!.GetValue<string>() == "unit-task-accepted")!;
                history.Insert(history.IndexOf(accepted) + 1, accepted.DeepClone());
                RenumberHistory(history);
                json["version"] = json["version"]!.GetValue<int>() + 1;
                break;
            case "the last event lost":
                history.RemoveAt(history.Count - 1);
                break;
            case "a unit due time moved":
                var unit = steps[2]!["unitTasks"]![0]!;
                unit["dueAt"] = DateTimeOffset.Parse(unit["dueAt"]!.GetValue<string>()).AddMinutes(5).ToString("O");
                break;
            case "an escalation recorded twice":
                var escalation = history.First(e => e!["type"]!.GetValue<string>() == "unit-task-late")!;
                history.Add(escalation.DeepClone());
                RenumberHistory(history);
                break;
        }

        var problems = HistoryReplay.Check(RunJson.Deserialize(json.ToJsonString()), FaultWorld.Template);

        Assert.NotEmpty(problems);
    }

    private static void RenumberHistory(JsonArray history)
    {
        for (int i = 0; i < history.Count; i++)
        {
            history[i]!["seq"] = i + 1;
        }
    }

    /// <summary>The sixteen commands of <see cref="RunScript"/>, with a unit return and a review return.</summary>
    private static SopRun Scripted()
    {
        var (run, ctx) = Started();
        run.CompleteStep(RunScript.Step1, Actor.Create("k", "k", "kabid"), new StepCompletion("Disposisi", "Indikator Sasaran"), ctx.Next());
        run.CompleteStep(RunScript.Step2, Actor.Create("s", "s", "kasubid-kasubag"), new StepCompletion("Disposisi", "Disposisi"), ctx.Next());
        foreach (var unit in TestWorld.Units)
        {
            run.SubmitUnit(RunScript.Collect, unit.Id, Actor.ForUnit("u", "u", unit.Id), Values(), ctx.Next());
        }

        var analis = Actor.Create("a", "a", "analisis-data");
        run.ReturnUnit(RunScript.Collect, TestWorld.Units[0].Id, analis, "kurang", ctx.Next());
        run.SubmitUnit(RunScript.Collect, TestWorld.Units[0].Id, Actor.ForUnit("u", "u", TestWorld.Units[0].Id), Values(), ctx.Next());
        foreach (var unit in TestWorld.Units)
        {
            run.AcceptUnit(RunScript.Collect, unit.Id, analis, ctx.Next());
        }

        var kasubid = Actor.Create("s", "s", "kasubid-kasubag");
        run.CompleteStep(RunScript.Report, kasubid, new StepCompletion("Laporan", "Bahan Laporan"), ctx.Next());
        run.Return(RunScript.Review, Actor.Create("k", "k", "kabid"), "perbaiki", ctx.Next());
        run.CompleteStep(RunScript.Report, kasubid, new StepCompletion("Laporan", "Bahan Laporan"), ctx.Next());
        return run;
    }

    /// <summary>A run whose units were late and escalated to level 2 by two sweeps, with one unit accepted in between.</summary>
    private static SopRun Escalated()
    {
        var (run, ctx) = Started();
        run.CompleteStep(RunScript.Step1, Actor.Create("k", "k", "kabid"), new StepCompletion("Disposisi", "Indikator Sasaran"), ctx.Next());
        run.CompleteStep(RunScript.Step2, Actor.Create("s", "s", "kasubid-kasubag"), new StepCompletion("Disposisi", "Disposisi"), ctx.Next());
        run.SubmitUnit(RunScript.Collect, TestWorld.Units[0].Id, Actor.ForUnit("u", "u", TestWorld.Units[0].Id), Values(), ctx.Next());
        run.ProcessDeadlines(ctx.Next(TimeSpan.FromDays(2)));
        run.AcceptUnit(RunScript.Collect, TestWorld.Units[0].Id, Actor.Create("a", "a", "analisis-data"), ctx.Next());
        run.ProcessDeadlines(ctx.Next(TimeSpan.FromDays(3)));
        return run;
    }

    private static SopRun SuspendedAndRestarted()
    {
        var (run, ctx) = Started();
        var head = Actor.Create("h", "h", WellKnownRoles.HeadOfOpd);
        run.CompleteStep(RunScript.Step1, Actor.Create("k", "k", "kabid"), new StepCompletion("Disposisi", "Indikator Sasaran"), ctx.Next());
        run.Suspend(head, "libur", ctx.Next());
        run.Resume(head, ctx.Next(TimeSpan.FromDays(1)));
        run.RestartStep(RunScript.Step1, head, "ulang", ctx.Next());
        run.ProcessDeadlines(ctx.Next(TimeSpan.FromDays(3)));
        return run;
    }

    private static (SopRun Run, Contexts Ctx) Started()
    {
        var ctx = new Contexts();
        var run = SopRun.Start("run-1", FaultWorld.Tenant, "opd-01", Q1, TestWorld.Units, Actor.Create("h", "h", WellKnownRoles.HeadOfOpd), ctx.Next());
        return (run, ctx);
    }

    private static UnitSubmissionInput Values() => new([new RealisasiEntry("iku-1", 85m)], ["bukti-laporan"]);

    /// <summary>Command contexts a minute apart (or further when asked) on a manual clock.</summary>
    private sealed class Contexts
    {
        private readonly ManualClock _clock = new(new DateTimeOffset(2026, 4, 6, 0, 30, 0, TimeSpan.Zero));
        private readonly WorkCalendar _calendar = WorkCalendar.ForZone("Asia/Makassar");

        public RunContext Next(TimeSpan? by = null)
        {
            _clock.Advance(by ?? TimeSpan.FromMinutes(1));
            return new RunContextFactory(_clock).For(FaultWorld.Template, _calendar);
        }
    }
}
