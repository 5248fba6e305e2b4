using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Scenarios;

/// <summary>
/// Plays the people of an OPD through a seed SOP run: each action ten minutes after the previous, the sweep run
/// before each action as the timer would, every step done by a holder of its assignee role, the first unit's
/// first submission returned once, and the first review (when <c>returnAtReview</c>) returned once.
/// </summary>
internal sealed class SeedRunDriver
{
    public static readonly Actor Head = Actor.Create("kepala", "Kepala OPD", WellKnownRoles.HeadOfOpd);

    private readonly bool _returnAtReview;
    private bool _unitReturned;
    private bool _reviewReturned;

    public SeedRunDriver(SopTemplate template, Period period, DateTimeOffset start, IReadOnlyList<OrgUnit> units, bool returnAtReview)
    {
        Template = template;
        Calendar = WorkCalendar.ForZone(template.Agency.TimeZone!);
        Clock = new ManualTimeProvider(start);
        Contexts = new RunContextFactory(Clock);
        _returnAtReview = returnAtReview;
        Run = SopRun.Start(SopRun.KeyFor("pemda", "opd", template.Id, period), "pemda", "opd", period, units, Head, Ctx);
    }

    public SopTemplate Template { get; }

    public WorkCalendar Calendar { get; }

    public ManualTimeProvider Clock { get; }

    public RunContextFactory Contexts { get; }

    public SopRun Run { get; }

    public RunContext Ctx => Contexts.For(Template, Calendar);

    /// <summary>Every step activation in order (step id), including reworks.</summary>
    public List<string> Activations { get; } = [];

    public int Sweep() => Run.ProcessDeadlines(Ctx);

    public void RunToCompletion()
    {
        for (int guard = 0; Run.Status == RunStatus.Running; guard++)
        {
            Assert.True(guard < 500, "the run did not complete");
            Clock.Advance(TimeSpan.FromMinutes(10));
            Sweep();
            Act(Run.ActiveStep!);
        }
    }

    private void Act(StepInstance step)
    {
        var def = Template.FindStep(step.StepId)!;
        var actor = Actor.Create($"u-{def.Actors[0]}", def.Actors[0], def.Actors[0]);
        var completion = new StepCompletion(def.Output ?? "selesai", def.Kelengkapan, ["bukti-" + def.Id]);
        switch (def.Kind)
        {
            case StepKind.Collect:
                ActOnUnits(step, actor);
                break;
            case StepKind.Review when _returnAtReview && !_reviewReturned:
                _reviewReturned = true;
                Run.Return(step.StepId, actor, "Data capaian belum sesuai Rencana Aksi; mohon diperbaiki", Ctx);
                break;
            case StepKind.Review:
                Run.Approve(step.StepId, actor, completion, Ctx);
                break;
            default:
                Run.CompleteStep(step.StepId, actor, completion, Ctx);
                break;
        }
    }

    private void ActOnUnits(StepInstance step, Actor acceptor)
    {
        foreach (var task in step.UnitTasks.ToList())
        {
            if (task.Status is UnitTaskStatus.Open or UnitTaskStatus.Returned)
            {
                var staff = Actor.ForUnit($"u-{task.UnitId}", task.UnitName, task.UnitId);
                Run.SubmitUnit(step.StepId, task.UnitId, staff, new([new("iku-1", 87.5m), new("iku-2", 12)], ["file-" + task.UnitId]), Ctx);
            }

            if (!_unitReturned)
            {
                _unitReturned = true;
                Run.ReturnUnit(step.StepId, task.UnitId, acceptor, "Bukti dukung belum dilampirkan lengkap", Ctx);
                continue;
            }

            if (Run.ActiveStep == step && task.Status == UnitTaskStatus.Submitted)
            {
                Run.AcceptUnit(step.StepId, task.UnitId, acceptor, Ctx);
            }
        }
    }

    /// <summary>
    /// The flow the SOP prescribes, worked out from the template alone: the steps of the period in order, with the
    /// segment from the first review's return target up to that review repeated once when it returned.
    /// </summary>
    public static List<string> ExpectedPath(SopTemplate template, Period period, bool returnAtReview)
    {
        var included = template.Steps.Where(s => s.When switch
        {
            StepWhen.SemesterEnd => period.IsSemesterEnd,
            StepWhen.YearEnd => period.IsYearEnd,
            _ => true,
        }).ToList();
        var path = included.Select(s => s.Id).ToList();
        var review = included.FirstOrDefault(s => s.Kind == StepKind.Review);
        if (returnAtReview && review is not null)
        {
            int at = path.IndexOf(review.Id);
            int from = path.IndexOf(review.OnReturn!);
            path.InsertRange(at + 1, path.Skip(from).Take(at - from + 1).ToList());
        }

        return path;
    }
}
