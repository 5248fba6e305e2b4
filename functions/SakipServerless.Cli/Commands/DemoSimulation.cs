using SakipServerless.Core.Calendar;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Cli.Commands;

/// <summary>
/// A simulated OPD working through a run: each action 10 office minutes after the previous one, the deadline sweep
/// before each action, one unit that submits only after its escalation reached the head of the OPD, one returned
/// unit submission and one returned review.
/// </summary>
internal sealed class DemoSimulation
{
    private static readonly IReadOnlyList<OrgUnit> Units =
    [
        new("bidang-ideologi", "Bidang Ideologi dan Wawasan Kebangsaan"),
        new("bidang-ketahanan", "Bidang Ketahanan dan Kemasyarakatan"),
        new("bidang-politik", "Bidang Politik Dalam Negeri"),
    ];

    private readonly DemoClock _clock;
    private readonly RunContextFactory _contexts;
    private bool _unitReturned;
    private bool _reviewReturned;

    public DemoSimulation(SopTemplate template, Period period)
    {
        Template = template;
        Calendar = WorkCalendar.ForZone(template.Agency.TimeZone ?? "Asia/Jakarta");

        // Data for a quarter is collected early in the next one; Q4 closes the year in late December.
        var start = period.Quarter == 4
            ? new DateTime(period.Year, 12, 21, 8, 0, 0)
            : new DateTime(period.Year, period.Quarter * 3 + 1, 6, 8, 0, 0);
        _clock = new DemoClock(Calendar.NextOpening(new DateTimeOffset(start, Calendar.TimeZone.GetUtcOffset(start))));
        _contexts = new RunContextFactory(_clock);
        Run = SopRun.Start(SopRun.KeyFor("demo", "opd-demo", template.Id, period), "demo", "opd-demo", period, Units,
            Actor.Create("kepala", "Kepala OPD", WellKnownRoles.HeadOfOpd), Ctx);
    }

    public SopTemplate Template { get; }

    public WorkCalendar Calendar { get; }

    public SopRun Run { get; }

    private RunContext Ctx => _contexts.For(Template, Calendar);

    public void Play()
    {
        for (int guard = 0; Run.Status == RunStatus.Running && guard < 1000; guard++)
        {
            _clock.Now = Calendar.Add(_clock.Now, WorkDuration.FromMinutes(10));
            Run.ProcessDeadlines(Ctx);
            var step = Run.ActiveStep!;
            var def = Template.FindStep(step.StepId)!;
            var actor = Actor.Create("u-" + def.Actors[0], def.Actors[0], def.Actors[0]);
            if (def.Kind == StepKind.Collect)
            {
                ActOnUnits(step, actor);
            }
            else if (def.Kind == StepKind.Review && !_reviewReturned)
            {
                _reviewReturned = true;
                Run.Return(step.StepId, actor, "Realisasi belum dibandingkan dengan target Rencana Aksi", Ctx);
            }
            else
            {
                var completion = new StepCompletion(def.Output ?? "selesai", def.Kelengkapan, []);
                if (def.Kind == StepKind.Review)
                {
                    Run.Approve(step.StepId, actor, completion, Ctx);
                }
                else
                {
                    Run.CompleteStep(step.StepId, actor, completion, Ctx);
                }
            }
        }
    }

    private void ActOnUnits(StepInstance step, Actor acceptor)
    {
        foreach (var task in step.UnitTasks)
        {
            // The last unit is the slow one: it sends nothing until its lateness reached the head of the OPD.
            bool slow = task.UnitId == Units[^1].Id && task.EscalationLevel < 2;
            if (task.Status is UnitTaskStatus.Open or UnitTaskStatus.Returned && !slow)
            {
                var staff = Actor.ForUnit("u-" + task.UnitId, task.UnitName, task.UnitId);
                Run.SubmitUnit(step.StepId, task.UnitId, staff, new([new("iku-1", 88), new("iku-2", 3)], ["bukti-" + task.UnitId + ".pdf"]), Ctx);
                return; // one action per tick
            }

            if (task.Status == UnitTaskStatus.Submitted)
            {
                if (!_unitReturned)
                {
                    _unitReturned = true;
                    Run.ReturnUnit(step.StepId, task.UnitId, acceptor, "Bukti dukung belum ditandatangani kepala bidang", Ctx);
                }
                else
                {
                    Run.AcceptUnit(step.StepId, task.UnitId, acceptor, Ctx);
                }

                return;
            }
        }
    }

    /// <summary>The simulation's clock: set by the simulation, read by the engine through <see cref="TimeProvider"/>.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
