using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Runs.Commands;
using SakipServerless.Core.Templates;
using SakipServerless.Engine.Durable.Tests.Support;

namespace SakipServerless.Engine.Durable.Tests.Scenarios;

/// <summary>
/// The seed scenario of the Core's scenario tests, as commands any engine can take: nobody acts until the first
/// deadline and its grace have passed; then every step is done by a holder of its assignee role, the first unit's
/// first submission is returned once, and the first review (where the period has one) is returned once.
/// </summary>
public sealed class SeedScenario(IScenarioEngine engine, SopTemplate template)
{
    public static readonly Actor Head = Actor.Create("kepala", "Kepala OPD", WellKnownRoles.HeadOfOpd);

    public static readonly IReadOnlyList<OrgUnit> Units =
    [
        new("unit-1", "Bidang Ideologi, Wawasan Kebangsaan dan Kewaspadaan Nasional"),
        new("unit-2", "Bidang Ketahanan dan Kemasyarakatan"),
        new("unit-3", "Kelurahan Sungai Seluang"),
    ];

    private bool _unitReturned;
    private bool _reviewReturned;

    public async Task<SopRun> PlayAsync(Period period, DateTimeOffset start)
    {
        await engine.StartAsync(template, period, Units, Head, start);
        var first = (await engine.ReadAsync()).ActiveStep!;
        await engine.LetDeadlinesPassAsync(first.DueAt!.Value + ShortTemplates.GraceElapsed + TimeSpan.FromSeconds(30));

        bool reviewInPeriod = (await engine.ReadAsync()).Steps.Any(s => s.Kind == StepKind.Review && s.Status != StepStatus.Skipped);
        for (int guard = 0; ; guard++)
        {
            var run = await engine.ReadAsync();
            if (run.Status != RunStatus.Running)
            {
                return run;
            }

            Assert.True(guard < 200, "the run did not complete");
            await engine.PauseAsync();
            await ActAsync(run.ActiveStep!, reviewInPeriod);
        }
    }

    private async Task ActAsync(StepInstance step, bool returnAtReview)
    {
        var def = template.FindStep(step.StepId)!;
        var actor = Actor.Create($"u-{def.Actors[0]}", def.Actors[0], def.Actors[0]);
        string output = def.Output ?? "selesai";
        switch (def.Kind)
        {
            case StepKind.Collect:
                await ActOnUnitsAsync(step.StepId, actor);
                break;
            case StepKind.Review when returnAtReview && !_reviewReturned:
                _reviewReturned = true;
                await ApplyAsync(actor, new ReturnStepCommand(step.StepId, "Data capaian belum sesuai Rencana Aksi; mohon diperbaiki"));
                break;
            case StepKind.Review:
                await ApplyAsync(actor, new ApproveStepCommand(step.StepId, output, def.Kelengkapan, ["bukti-" + def.Id], CheckEvidence: false));
                break;
            default:
                await ApplyAsync(actor, new CompleteStepCommand(step.StepId, output, def.Kelengkapan, ["bukti-" + def.Id], CheckEvidence: false));
                break;
        }
    }

    private async Task ActOnUnitsAsync(string stepId, Actor acceptor)
    {
        foreach (var unitId in Units.Select(u => u.Id))
        {
            var task = (await engine.ReadAsync()).FindStep(stepId)!.FindUnit(unitId)!;
            if (task.Status is UnitTaskStatus.Open or UnitTaskStatus.Returned)
            {
                var staff = Actor.ForUnit($"u-{unitId}", task.UnitName, unitId);
                await ApplyAsync(staff, new SubmitUnitCommand(stepId, unitId, new([new("iku-1", 87.5m), new("iku-2", 12)], ["file-" + unitId]), CheckEvidence: false));
            }

            if (!_unitReturned)
            {
                _unitReturned = true;
                await ApplyAsync(acceptor, new ReturnUnitCommand(stepId, unitId, "Bukti dukung belum dilampirkan lengkap"));
                continue;
            }

            var run = await engine.ReadAsync();
            if (run.ActiveStep?.StepId == stepId && run.FindStep(stepId)!.FindUnit(unitId)!.Status == UnitTaskStatus.Submitted)
            {
                await ApplyAsync(acceptor, new AcceptUnitCommand(stepId, unitId));
            }
        }
    }

    private async Task ApplyAsync(Actor actor, RunCommand command)
    {
        var outcome = await engine.SendAsync(actor, command);
        Assert.True(outcome.Applied, $"{command} was refused: {outcome.Code} {outcome.Message}");
    }
}
