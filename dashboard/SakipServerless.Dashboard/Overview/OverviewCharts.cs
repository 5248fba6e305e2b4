using System.Globalization;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using SakipServerless.Dashboard.Api.Models;
using SakipServerless.Dashboard.Charts;
using SakipServerless.Dashboard.Shared;
using BarMarker = Plotly.Blazor.Traces.BarLib.Marker;
using BarOrientation = Plotly.Blazor.Traces.BarLib.OrientationEnum;
using BarTextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum;
using ShapeLine = Plotly.Blazor.LayoutLib.ShapeLib.Line;

namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// Builds the overview's figures (Plotly.Blazor's typed traces) from the backend's read model. Each figure keys its
/// categories (OPD ids, periods) so the page turns a click back into a cross-filter or a drill-through. A focused OPD
/// (the cross-filter) stays drawn in the chart it was picked in, the others fade, as in Power BI.
/// </summary>
public static class OverviewCharts
{
    private const string NoData = "#cfd8dc";
    private const string Grid = "#e5e7eb";

    public static ChartFigure Completion(OverviewDto o, string? focusOpdId)
    {
        var opds = o.Completion.Reverse().ToList(); // Plotly draws the first category at the bottom
        var names = opds.Select(c => (object)c.OpdName).ToList();
        var fade = Fade(opds.Select(c => c.OpdId).ToList(), focusOpdId);
        Bar Part(string name, StepState state, Func<OpdCompletionDto, int> count) => new()
        {
            Orientation = BarOrientation.H,
            Name = name,
            Y = names,
            X = opds.Select(c => (object)count(c)).ToList(),
            TextArray = opds.Select(c => count(c) == 0 ? "" : count(c).ToString(CultureInfo.InvariantCulture)).ToList(),
            TextPosition = BarTextPosition.Inside,
            Marker = new BarMarker { Color = StateColors.Of(state), OpacityArray = fade },
            HoverTemplate = "%{y}<br>" + name + ": %{x} langkah<extra></extra>",
        };

        var layout = ChartLayouts.Base(RowsHeight(opds.Count) + 40, ChartLayouts.Margin(LabelMargin(names), 8, 8, 40));
        layout.BarMode = BarModeEnum.Stack;
        layout.Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, X = 0, Y = -0.22m }];
        layout.XAxis = [new XAxis { FixedRange = true, GridColor = Grid }];
        layout.YAxis = [ShortLabels(names)];
        return new ChartFigure(
        [
            Part("Selesai", StepState.Done, c => c.Done),
            Part("Berjalan", StepState.Active, c => c.Active),
            Part("Terlambat", StepState.Late, c => c.Late),
            Part("Eskalasi", StepState.Escalated, c => c.Escalated),
            Part("Belum mulai", StepState.Pending, c => c.Pending),
        ], layout, opds.Select(c => (string?)c.OpdId).ToList());
    }

    /// <summary>The heatmap's rows in drawing order (bottom first); <see cref="HeatmapTarget"/> reads the same order.</summary>
    private static List<HeatmapRowDto> HeatmapRows(OverviewDto o) => o.Heatmap.Rows.Reverse().ToList();

    public static ChartFigure Heatmap(OverviewDto o, TimeZoneInfo zone)
    {
        var columns = o.Heatmap.Steps;
        var rows = HeatmapRows(o);
        var z = new List<object>();
        var text = new List<object>();
        var hover = new List<object>();
        foreach (var row in rows)
        {
            var cells = columns.Select(c => row.Cells.FirstOrDefault(x => x.No == c.No)).ToList();
            z.Add(cells.Select(c => c is null ? (double?)null : (double)(int)c.State).ToList());
            text.Add(cells.Select(c => c is null ? "" : IndonesianText.StepState(c.State)).ToList());
            hover.Add(cells.Select((c, i) => c is null ? "Tidak ada pelaksanaan" : Hover(columns[i], c, zone)).ToList());
        }

        int states = Enum.GetValues<StepState>().Length;
        var scale = new List<object>();
        for (int i = 0; i < states; i++)
        {
            string color = StateColors.Of((StepState)i);
            scale.Add(new object[] { (double)i / states, color });
            scale.Add(new object[] { (double)(i + 1) / states, color });
        }

        var labels = rows.Select(r => (object)r.OpdName).ToList();
        var layout = ChartLayouts.Base(RowsHeight(rows.Count), ChartLayouts.Margin(LabelMargin(labels), 8, 30, 8));
        var stepLabels = columns.Select(c => (object)("L" + c.No)).ToList();
        layout.XAxis = [new XAxis { Side = Plotly.Blazor.LayoutLib.XAxisLib.SideEnum.Top, ShowGrid = false, FixedRange = true, TickVals = stepLabels, TickText = stepLabels }];
        var y = ShortLabels(labels);
        y.ShowGrid = false;
        layout.YAxis = [y];
        return new ChartFigure(
        [
            new HeatMap
            {
                X = stepLabels,
                Y = labels,
                Z = z,
                Text = text,
                HoverText = hover,
                HoverTemplate = "%{y}<br>%{x}: %{text}<br>%{hovertext}<extra></extra>",
                // Each cell's state written in it costs plotly a measured label: at 50 OPDs × 10 steps two thirds of
                // the heatmap's draw once automargin is off (BENCHMARKS.md item 9). Above that many cells the colours
                // (the completion chart's legend), the hover and the data table say it, and the cells are small.
                TextTemplate = columns.Count <= 10 && rows.Count * columns.Count <= MaxCellTexts ? "%{text}" : null,
                ColorScale = scale,
                ZMin = -0.5m,
                ZMax = states - 0.5m,
                ShowScale = false,
                XGap = 2,
                YGap = 2,
            },
        ], layout, rows.Select(r => r.RunId).ToList());
    }

    /// <summary>Where a heatmap cell drills through to: the step in its OPD's run; null for a cell without a run.</summary>
    public static string? HeatmapTarget(OverviewDto o, int row, int column)
    {
        var rows = HeatmapRows(o);
        if (row < 0 || row >= rows.Count || column < 0 || column >= o.Heatmap.Steps.Count || rows[row].RunId is not { } runId)
        {
            return null;
        }

        int no = o.Heatmap.Steps[column].No;
        return rows[row].Cells.FirstOrDefault(c => c.No == no) is { } cell ? $"/pelaksanaan/{Uri.EscapeDataString(runId)}#langkah-{cell.StepId}" : null;
    }

    public static ChartFigure CapaianByOpd(OverviewDto o, string? focusOpdId)
    {
        var items = o.CapaianByOpd.OrderBy(c => c.Capaian.Capaian.Value ?? -1).ToList();
        return CapaianBars(items.Select(c => (c.OpdName, c.Capaian, (string?)c.OpdId)).ToList(), o.Bands, focusOpdId);
    }

    public static ChartFigure CapaianBySasaran(OverviewDto o)
    {
        var items = o.CapaianBySasaran.OrderBy(c => c.Capaian.Capaian.Value ?? -1).ToList();
        bool manyOpds = items.Select(i => i.OpdId).Distinct().Count() > 1;
        return CapaianBars(items.Select(c => (c.Sasaran + (manyOpds ? " · " + Truncate(c.OpdName, 24) : ""), c.Capaian, (string?)c.OpdId)).ToList(), o.Bands, null);
    }

    /// <summary>The sasaran bar a click hit: its OPD and sasaran, in the chart's order.</summary>
    public static (string OpdId, string Sasaran)? SasaranAt(OverviewDto o, int index)
    {
        var items = o.CapaianBySasaran.OrderBy(c => c.Capaian.Capaian.Value ?? -1).ToList();
        return index >= 0 && index < items.Count ? (items[index].OpdId, items[index].Sasaran) : null;
    }

    public static ChartFigure Trend(OverviewDto o)
    {
        var points = o.Trend;
        var labels = points.Select(p => (object)("TW " + Roman(p.Triwulan))).ToList();
        decimal top = Math.Max(110, (points.Max(p => p.Capaian.Capaian.Value) ?? 100) + 10);
        var shapes = new List<Shape>();
        decimal upper = top;
        foreach (var band in o.Bands.Where(b => b.Color is not null))
        {
            decimal lower = band.LowerBound ?? 0;
            shapes.Add(new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect, XRef = "paper", YRef = "y", X0 = 0, X1 = 1, Y0 = lower, Y1 = upper,
                FillColor = band.Color, Opacity = 0.12m, Line = new ShapeLine { Width = 0 }, Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below,
            });
            upper = lower;
        }

        var layout = ChartLayouts.Base(300, ChartLayouts.Margin(8, 16, 24, 30));
        layout.ShowLegend = false;
        layout.Shapes = shapes;
        layout.YAxis = [new YAxis { Range = [0, top], TickSuffix = "%", FixedRange = true, GridColor = Grid }];
        layout.XAxis = [new XAxis { ShowGrid = false, FixedRange = true }];
        return new ChartFigure(
        [
            new Scatter
            {
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Text,
                Name = "Rata-rata capaian",
                X = labels,
                Y = points.Select(p => (object)p.Capaian.Capaian.Value!).ToList(),
                TextArray = points.Select(p => p.Capaian.Capaian.Value is { } v ? IndonesianText.Percent(v) : "").ToList(),
                TextPosition = Plotly.Blazor.Traces.ScatterLib.TextPositionEnum.TopCenter,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { ColorArray = points.Select(p => (object)(p.Capaian.Capaian.Color ?? NoData)).ToList(), Size = 12 },
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = "#37474f", Width = 2 },
                HoverTemplate = "%{x}: %{y:.2f}%<extra></extra>",
                ClipOnAxis = false,
            },
        ], layout, points.Select(p => (string?)$"{o.Year}-Q{p.Triwulan}").ToList());
    }

    private static ChartFigure CapaianBars(IReadOnlyList<(string Name, GroupCapaianDto Capaian, string? Key)> items, IReadOnlyList<PredicateBandDto> bands, string? focusKey)
    {
        decimal max = Math.Max(100, items.Max(i => i.Capaian.Capaian.Value) ?? 100);
        var names = items.Select(i => (object)i.Name).ToList();
        var layout = ChartLayouts.Base(RowsHeight(items.Count), ChartLayouts.Margin(LabelMargin(names), 16, 8, 30));
        layout.ShowLegend = false;
        layout.XAxis = [new XAxis { Range = [0, max * 1.05m], TickSuffix = "%", FixedRange = true, GridColor = Grid }];
        layout.YAxis = [ShortLabels(names)];
        layout.Shapes = bands.Where(b => b.LowerBound is > 0).Select(b => new Shape
        {
            Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "x", YRef = "paper", X0 = b.LowerBound!.Value, X1 = b.LowerBound.Value, Y0 = 0, Y1 = 1,
            Opacity = 0.6m, Line = new ShapeLine { Color = b.Color, Width = 1, Dash = "dot" }, Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Above,
        }).ToList();
        return new ChartFigure(
        [
            new Bar
            {
                Orientation = BarOrientation.H,
                Y = names,
                X = items.Select(i => (object)(i.Capaian.Capaian.Value ?? 0)).ToList(),
                // A group without data has no bar to write in: its words go outside, where the bar would start.
                TextArray = items.Select(i => i.Capaian.Capaian.Value is { } v
                    ? $"{IndonesianText.Percent(v)} · {i.Capaian.Capaian.Predicate} · {i.Capaian.IndicatorsIncluded} indikator"
                    : "belum ada data").ToList(),
                TextPositionArray = items.Select(i => (BarTextPosition?)(i.Capaian.Capaian.Value is null ? BarTextPosition.Outside : BarTextPosition.Auto)).ToList(),
                Marker = new BarMarker { ColorArray = items.Select(i => (object)(i.Capaian.Capaian.Color ?? NoData)).ToList(), OpacityArray = Fade(items.Select(i => i.Key).ToList(), focusKey) },
                HoverTemplate = "%{y}<br>Capaian %{x:.2f}%<extra></extra>",
            },
        ], layout, items.Select(i => i.Key).ToList());
    }

    /// <summary>Full opacity for the focused category and a faded rest; everything full when nothing is focused.</summary>
    private static IList<decimal?>? Fade(IReadOnlyList<string?> keys, string? focus) =>
        focus is null ? null : keys.Select(k => (decimal?)(k == focus ? 1m : 0.3m)).ToList();

    private static string Hover(HeatmapColumnDto column, HeatmapCellDto cell, TimeZoneInfo zone)
    {
        string due = cell.DueAt is { } d ? " · tenggat " + IndonesianText.Short(d, zone) : "";
        return $"{Truncate(column.Activity, 60)}{due}";
    }

    /// <summary>
    /// Category labels cut to a length a phone can show next to its bars; the full name stays in the hover and the
    /// data table. Without the cut, long OPD names would take the whole width and the bars vanish.
    /// </summary>
    private static YAxis ShortLabels(IReadOnlyList<object> names) => new()
    {
        TickVals = names.ToList(),
        TickText = names.Select(n => (object)Truncate(n.ToString() ?? "", LabelLength)).ToList(),
        FixedRange = true,
        GridColor = Grid,
    };

    /// <summary>
    /// The left margin the cut labels need, reckoned here rather than by plotly's automargin: automargin measures the
    /// drawn labels and draws the chart again, which at 50 OPDs made each chart's draw about twice as long (measured,
    /// BENCHMARKS.md item 9). About 7 px per character of the 12 px font, plus the tick's gap.
    /// </summary>
    private static int LabelMargin(IReadOnlyList<object> names) =>
        12 + (7 * names.Select(n => Math.Min(LabelLength, (n.ToString() ?? "").Length)).DefaultIfEmpty(0).Max());

    private const int LabelLength = 26;

    private const int MaxCellTexts = 200;

    /// <summary>About 30 px per bar so fifty OPDs stay readable; never below a card's height.</summary>
    private static int RowsHeight(int rows) => Math.Max(220, 60 + 30 * rows);

    public static string Roman(int triwulan) => triwulan switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => triwulan.ToString(CultureInfo.InvariantCulture) };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
