using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// Computes the dashboard read models from plain inputs (runs, indicators, realisasi rows). Pure: no I/O, the time
/// comes with the input, so the same class can rebuild a stored read model whenever a run or an indicator changes.
/// </summary>
public sealed class DashboardCalculator
{
    private readonly DashboardInput _input;
    private readonly CapaianCalculator _capaian;
    private readonly Dictionary<string, Opd> _opds;
    private readonly List<IndicatorRekap> _indicators;

    public DashboardCalculator(DashboardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _capaian = new CapaianCalculator(input.Settings);
        _opds = input.Opds.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var indicators = input.Indicators.Where(i => i.Year == input.Year && _opds.ContainsKey(i.OpdId)).ToList();
        var realisasi = RealisasiCombiner.Combine(indicators, input.Realisasi);
        _indicators = indicators.Select(i => new IndicatorRekap(i, realisasi[i.Id], _capaian)).ToList();
    }

    /// <summary>Capaian per indicator for the year, grouped by OPD; <paramref name="sasaran"/> narrows the indicators.</summary>
    public CapaianReport Capaian(string? sasaran = null)
    {
        var tahunan = RekapPeriod.Tahunan(_input.Year);
        var opds = _input.Opds.Select(opd =>
        {
            var mine = IndicatorsOf(opd.Id, sasaran).ToList();
            var average = _capaian.Average(mine.Select(i => i.Compute(tahunan)));
            return new OpdCapaianReport(opd.Id, opd.Name, GroupCapaian.From(average), mine.Select(i => i.ToView()).ToList());
        }).ToList();
        return new CapaianReport(_input.TenantId, _input.Year, _input.Settings.Cap, PredicateBandView.From(_input.Settings), opds);
    }

    /// <summary>What is late now in the input's runs, most late first.</summary>
    public IReadOnlyList<OverdueItem> Overdue() => OverdueOf(_input.Runs);

    /// <summary>The overview for <paramref name="period"/>; runs of other quarters in the input feed only the trend.</summary>
    public DashboardOverview Overview(DashboardPeriod period, string? opdId = null, string? sasaran = null)
    {
        var quarters = period.Rekap.Triwulans;
        var runs = _input.Runs.Where(r => r.Period.Year == period.Year && quarters.Contains(r.Period.Quarter) && _opds.ContainsKey(r.OpdId)).ToList();
        var states = runs.SelectMany(r => r.Steps.Select(s => (Run: r, Step: s, State: StateOf(r, s)))).ToList();

        var completed = states.Where(s => s.State == StepState.Done).ToList();
        int onTime = completed.Count(s => !s.Step.CompletedLate);
        decimal? onTimeRate = completed.Count == 0 ? null : CapaianResult.RoundForDisplay(onTime * 100m / completed.Count);

        var scoped = IndicatorsOf(null, sasaran).ToList();
        var withData = scoped.Where(i => quarters.Any(q => i.Realisasi.Values[q] is not null)).Select(i => i.Record.OpdId).ToHashSet(StringComparer.Ordinal);
        var withoutData = _input.Opds.Where(o => !withData.Contains(o.Id)).Select(o => o.Id).ToList();

        var kpi = new OverviewKpi(
            runs.Count,
            runs.Count(r => r.Status == RunStatus.Completed),
            completed.Count,
            onTime,
            onTimeRate,
            states.Count(s => s.State is StepState.Late or StepState.Escalated),
            states.Count(s => s.State == StepState.Escalated),
            GroupCapaian.From(_capaian.Average(scoped.Select(i => i.Compute(period.Rekap)))),
            _input.Opds.Count,
            withoutData.Count,
            withoutData);

        var completion = _input.Opds.Select(opd =>
        {
            var mine = states.Where(s => s.Run.OpdId == opd.Id).ToList();
            var opdRuns = runs.Where(r => r.OpdId == opd.Id).ToList();
            return new OpdCompletion(opd.Id, opd.Name, opdRuns.Count, opdRuns.Count(r => r.Status == RunStatus.Completed),
                mine.Count(s => s.State == StepState.Done),
                mine.Count(s => s.State == StepState.Active),
                mine.Count(s => s.State == StepState.Late),
                mine.Count(s => s.State == StepState.Escalated),
                mine.Count(s => s.State is StepState.Pending or StepState.Returned));
        }).ToList();

        var byOpd = _input.Opds.Select(opd => new OpdCapaianSummary(opd.Id, opd.Name,
            GroupCapaian.From(_capaian.Average(scoped.Where(i => i.Record.OpdId == opd.Id).Select(i => i.Compute(period.Rekap)))))).ToList();

        var bySasaran = _input.Opds.SelectMany(opd => scoped.Where(i => i.Record.OpdId == opd.Id)
            .GroupBy(i => i.Record.Sasaran, StringComparer.Ordinal)
            .Select(g => new SasaranCapaianSummary(opd.Id, opd.Name, g.Key, GroupCapaian.From(_capaian.Average(g.Select(i => i.Compute(period.Rekap)))))))
            .ToList();

        var trend = Enumerable.Range(1, 4).Select(q =>
        {
            var triwulan = RekapPeriod.Triwulan(period.Year, q);
            return new TrendPoint(q, triwulan.Label, GroupCapaian.From(_capaian.Average(scoped.Select(i => i.Compute(triwulan)))));
        }).ToList();

        return new DashboardOverview(_input.TenantId, period.Year, period.ToView(), opdId, sasaran, _input.Now, kpi, completion,
            Heatmap(runs), byOpd, bySasaran, trend, PredicateBandView.From(_input.Settings), OverdueOf(runs), _input.Settings.Cap);
    }

    private IEnumerable<IndicatorRekap> IndicatorsOf(string? opdId, string? sasaran) =>
        _indicators.Where(i => (opdId is null || i.Record.OpdId == opdId)
            && (sasaran is null || string.Equals(i.Record.Sasaran.Trim(), sasaran, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Each OPD's latest run of the period: a heatmap of one status per cell must show one run, and the latest is the one in progress.</summary>
    private OverviewHeatmap Heatmap(List<SopRun> runs)
    {
        var rows = new List<HeatmapRow>();
        var columns = new SortedDictionary<int, string>();
        foreach (var opd in _input.Opds)
        {
            var run = runs.Where(r => r.OpdId == opd.Id).OrderByDescending(r => r.Period.Quarter).ThenByDescending(r => r.StartedAt).FirstOrDefault();
            if (run is null)
            {
                rows.Add(new HeatmapRow(opd.Id, opd.Name, null, null, []));
                continue;
            }

            var template = TemplateOf(run);
            foreach (var step in run.Steps)
            {
                columns.TryAdd(step.No, template?.FindStep(step.StepId)?.Activity ?? $"Langkah {step.No}");
            }

            rows.Add(new HeatmapRow(opd.Id, opd.Name, run.Id, run.Period.Key,
                run.Steps.Select(s => new HeatmapCell(s.No, s.StepId, StateOf(run, s), s.EscalationLevel, s.DueAt, s.CompletedAt)).ToList()));
        }

        return new OverviewHeatmap(columns.Select(c => new HeatmapColumn(c.Key, c.Value)).ToList(), rows);
    }

    private StepState StateOf(SopRun run, StepInstance step)
    {
        switch (step.Status)
        {
            case StepStatus.Skipped:
                return StepState.Skipped;
            case StepStatus.Done:
                return StepState.Done;
        }

        if (run.Status == RunStatus.Terminated)
        {
            return StepState.Stopped;
        }

        if (step.Status != StepStatus.Active)
        {
            return step.Status == StepStatus.Returned ? StepState.Returned : StepState.Pending;
        }

        var late = LateParts(run, step).ToList();
        return late.Count == 0 ? StepState.Active
            : late.Any(l => l.Level >= 2) ? StepState.Escalated
            : StepState.Late;
    }

    /// <summary>
    /// The late parts of an active step of a running run (a suspended run's clock stands still). A collect step is
    /// late through its units, each with its own due time; the step itself counts only when its time has passed and
    /// submitted data waits for acceptance, since then its assignee is the one holding things up.
    /// </summary>
    private IEnumerable<(UnitTask? Unit, DateTimeOffset DueAt, int Level)> LateParts(SopRun run, StepInstance step)
    {
        if (run.Status != RunStatus.Running || step.Status != StepStatus.Active)
        {
            yield break;
        }

        var now = _input.Now;
        if (step.Kind != StepKind.Collect)
        {
            if (step.IsLate(now))
            {
                yield return (null, step.DueAt!.Value, step.EscalationLevel);
            }

            yield break;
        }

        foreach (var unit in step.UnitTasks.Where(u => u.IsLate(now)))
        {
            yield return (unit, unit.DueAt, unit.EscalationLevel);
        }

        if (step.IsLate(now) && step.UnitTasks.Any(u => u.Status == UnitTaskStatus.Submitted))
        {
            yield return (null, step.DueAt!.Value, step.EscalationLevel);
        }
    }

    private List<OverdueItem> OverdueOf(IEnumerable<SopRun> runs)
    {
        var items = new List<OverdueItem>();
        foreach (var run in runs)
        {
            if (!_opds.TryGetValue(run.OpdId, out var opd))
            {
                continue;
            }

            var template = TemplateOf(run);
            foreach (var step in run.Steps)
            {
                var def = template?.FindStep(step.StepId);
                string? roleTitle = step.AssigneeRole is { } role ? template?.FindRole(role)?.Title ?? role : null;
                foreach (var (unit, due, level) in LateParts(run, step))
                {
                    var late = Runs.Lateness.Since(due, _input.Now);
                    items.Add(new OverdueItem(run.Id, opd.Id, opd.Name, run.Period.Key, step.StepId, step.No, def?.Activity, step.Kind,
                        unit is null ? "step" : "unit",
                        unit is null ? step.AssigneeRole : null, unit is null ? roleTitle : null,
                        unit?.UnitId, unit?.UnitName, due, late.Minutes, late.Label, level));
                }
            }
        }

        return items.OrderByDescending(i => i.LateMinutes).ThenByDescending(i => i.EscalationLevel)
            .ThenBy(i => i.OpdId, StringComparer.Ordinal).ThenBy(i => i.RunId, StringComparer.Ordinal)
            .ThenBy(i => i.StepNo).ThenBy(i => i.UnitId, StringComparer.Ordinal).ToList();
    }

    private SopTemplate? TemplateOf(SopRun run) => _input.Templates.GetValueOrDefault($"{run.TemplateId}@{run.TemplateVersion}");
}
