using System.Globalization;
using SakipServerless.Dashboard.Api.Models;
using SakipServerless.Dashboard.Charts;
using SakipServerless.Dashboard.Shared;

namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// Builds the overview's figures from the backend's read model. Every point carries the URL it drills down to in its
/// custom data: OPD bars to the OPD's runs, heatmap cells to the step in the run, capaian bars to the indicators,
/// trend points to that triwulan.
/// </summary>
public static class OverviewCharts
{
    private const string NoData = "#cfd8dc";

    public static PlotlyFigure Completion(OverviewDto o, Slicers s)
    {
        var opds = o.Completion.Reverse().ToList(); // Plotly draws the first category at the bottom
        var names = opds.Select(c => (object?)c.OpdName).ToList();
        var urls = opds.Select(c => (object?)(s with { OpdId = c.OpdId }).Url("/pelaksanaan")).ToList();
        PlotlyTrace Part(string name, StepState state, Func<OpdCompletionDto, int> count) => new()
        {
            Type = "bar",
            Orientation = "h",
            Name = name,
            Y = names,
            X = opds.Select(c => (object?)count(c)).ToList(),
            Text = opds.Select(c => count(c) == 0 ? "" : count(c).ToString(CultureInfo.InvariantCulture)).ToList(),
            TextPosition = "inside",
            CustomData = urls,
            Marker = new PlotlyMarker(StateColors.Of(state)),
            HoverTemplate = "%{y}<br>" + name + ": %{x} langkah<extra></extra>",
        };

        return new PlotlyFigure(
        [
            Part("Selesai", StepState.Done, c => c.Done),
            Part("Berjalan", StepState.Active, c => c.Active),
            Part("Terlambat", StepState.Late, c => c.Late),
            Part("Eskalasi", StepState.Escalated, c => c.Escalated),
            Part("Belum mulai", StepState.Pending, c => c.Pending),
        ], new PlotlyLayout
        {
            BarMode = "stack",
            Height = RowsHeight(opds.Count) + 40,
            Margin = new PlotlyMargin(8, 8, 8, 40),
            Legend = new PlotlyLegend("h", 0, -0.22),
            XAxis = new PlotlyAxis(),
            YAxis = ShortLabels(names),
        });
    }

    public static PlotlyFigure Heatmap(OverviewDto o, Slicers s, TimeZoneInfo zone)
    {
        var columns = o.Heatmap.Steps;
        var rows = o.Heatmap.Rows.Reverse().ToList();
        var z = new List<IReadOnlyList<double?>>();
        var text = new List<IReadOnlyList<string>>();
        var hover = new List<IReadOnlyList<string>>();
        var urls = new List<IReadOnlyList<string?>>();
        foreach (var row in rows)
        {
            var cells = columns.Select(c => row.Cells.FirstOrDefault(x => x.No == c.No)).ToList();
            z.Add(cells.Select(c => c is null ? (double?)null : (double)(int)c.State).ToList());
            text.Add(cells.Select(c => c is null ? "" : IndonesianText.StepState(c.State)).ToList());
            hover.Add(cells.Select((c, i) => c is null ? "Tidak ada pelaksanaan" : Hover(columns[i], c, zone)).ToList());
            urls.Add(cells.Select(c => c is null || row.RunId is null ? null : $"/pelaksanaan/{Uri.EscapeDataString(row.RunId)}#langkah-{c.StepId}").ToList());
        }

        int states = Enum.GetValues<StepState>().Length;
        var scale = new List<object[]>();
        for (int i = 0; i < states; i++)
        {
            string color = StateColors.Of((StepState)i);
            scale.Add([(double)i / states, color]);
            scale.Add([(double)(i + 1) / states, color]);
        }

        return new PlotlyFigure(
        [
            new PlotlyTrace
            {
                Type = "heatmap",
                X = columns.Select(c => (object?)("L" + c.No)).ToList(),
                Y = rows.Select(r => (object?)r.OpdName).ToList(),
                Z = z,
                Text = text,
                CustomData = urls,
                HoverText = hover,
                HoverTemplate = "%{y}<br>%{x}: %{text}<br>%{hovertext}<extra></extra>",
                TextTemplate = columns.Count <= 10 ? "%{text}" : null,
                ColorScale = scale,
                ZMin = -0.5,
                ZMax = states - 0.5,
                ShowScale = false,
                XGap = 2,
                YGap = 2,
            },
        ], new PlotlyLayout
        {
            Height = RowsHeight(rows.Count),
            Margin = new PlotlyMargin(8, 8, 30, 8),
            XAxis = new PlotlyAxis { Side = "top", GridColor = null, TickVals = columns.Select(c => (object)("L" + c.No)).ToList(), TickText = columns.Select(c => "L" + c.No).ToList() },
            YAxis = ShortLabels(rows.Select(r => (object?)r.OpdName).ToList()) with { GridColor = null },
        });
    }

    public static PlotlyFigure CapaianByOpd(OverviewDto o, Slicers s)
    {
        var items = o.CapaianByOpd.OrderBy(c => c.Capaian.Capaian.Value ?? -1).ToList();
        return CapaianBars(items.Select(c => (c.OpdName, c.Capaian, (s with { OpdId = c.OpdId }).Url("/capaian"))).ToList(), o.Bands);
    }

    public static PlotlyFigure CapaianBySasaran(OverviewDto o, Slicers s)
    {
        var items = o.CapaianBySasaran.OrderBy(c => c.Capaian.Capaian.Value ?? -1).ToList();
        bool manyOpds = items.Select(i => i.OpdId).Distinct().Count() > 1;
        return CapaianBars(items.Select(c => (
            c.Sasaran + (manyOpds ? " · " + Truncate(c.OpdName, 24) : ""),
            c.Capaian,
            (s with { OpdId = c.OpdId, Sasaran = c.Sasaran }).Url("/capaian"))).ToList(), o.Bands);
    }

    public static PlotlyFigure Trend(OverviewDto o, Slicers s)
    {
        var points = o.Trend;
        var labels = points.Select(p => (object?)("TW " + Roman(p.Triwulan))).ToList();
        var values = points.Select(p => (object?)p.Capaian.Capaian.Value).ToList();
        double top = Math.Max(110, (double)(points.Max(p => p.Capaian.Capaian.Value) ?? 100) + 10);
        var bands = o.Bands.Where(b => b.Color is not null).ToList();
        var shapes = new List<PlotlyShape>();
        double upper = top;
        foreach (var band in bands)
        {
            double lower = (double)(band.LowerBound ?? 0);
            shapes.Add(new PlotlyShape("rect", "paper", "y", 0, 1, lower, upper, band.Color!, 0.12, new PlotlyLine(null, 0)));
            upper = lower;
        }

        return new PlotlyFigure(
        [
            new PlotlyTrace
            {
                Type = "scatter",
                Mode = "lines+markers+text",
                Name = "Rata-rata capaian",
                X = labels,
                Y = values,
                Text = points.Select(p => p.Capaian.Capaian.Value is { } v ? IndonesianText.Percent(v) : "").ToList(),
                TextPosition = "top center",
                CustomData = points.Select(p => (object?)(s with { Year = o.Year, Period = $"{o.Year}-Q{p.Triwulan}" }).Url("/ringkasan")).ToList(),
                Marker = new PlotlyMarker(points.Select(p => p.Capaian.Capaian.Color ?? NoData).ToList(), 12),
                Line = new PlotlyLine("#37474f", 2),
                HoverTemplate = "%{x}: %{y:.2f}%<extra></extra>",
                CliponAxis = false,
            },
        ], new PlotlyLayout
        {
            Height = 300,
            Margin = new PlotlyMargin(8, 16, 24, 30),
            ShowLegend = false,
            Shapes = shapes,
            YAxis = new PlotlyAxis { Range = [0, top], TickSuffix = "%" },
            XAxis = new PlotlyAxis { GridColor = null },
        });
    }

    private static PlotlyFigure CapaianBars(IReadOnlyList<(string Name, GroupCapaianDto Capaian, string Url)> items, IReadOnlyList<PredicateBandDto> bands)
    {
        double max = Math.Max(100, (double)(items.Max(i => i.Capaian.Capaian.Value) ?? 100));
        return new PlotlyFigure(
        [
            new PlotlyTrace
            {
                Type = "bar",
                Orientation = "h",
                Y = items.Select(i => (object?)i.Name).ToList(),
                X = items.Select(i => (object?)(i.Capaian.Capaian.Value ?? 0)).ToList(),
                // A group without data has no bar to write in: its words go outside, where the bar would start.
                Text = items.Select(i => i.Capaian.Capaian.Value is { } v
                    ? $"{IndonesianText.Percent(v)} · {i.Capaian.Capaian.Predicate} · {i.Capaian.IndicatorsIncluded} indikator"
                    : "belum ada data").ToList(),
                TextPosition = items.Select(i => i.Capaian.Capaian.Value is null ? "outside" : "auto").ToList(),
                CustomData = items.Select(i => (object?)i.Url).ToList(),
                Marker = new PlotlyMarker(items.Select(i => i.Capaian.Capaian.Color ?? NoData).ToList()),
                HoverTemplate = "%{y}<br>Capaian %{x:.2f}%<extra></extra>",
            },
        ], new PlotlyLayout
        {
            Height = RowsHeight(items.Count),
            Margin = new PlotlyMargin(8, 16, 8, 30),
            ShowLegend = false,
            XAxis = new PlotlyAxis { Range = [0, max * 1.05], TickSuffix = "%" },
            YAxis = ShortLabels(items.Select(i => (object?)i.Name).ToList()),
            Shapes = bands.Where(b => b.LowerBound is > 0).Select(b =>
                new PlotlyShape("line", "x", "paper", (double)b.LowerBound!.Value, (double)b.LowerBound.Value, 0, 1, "rgba(0,0,0,0)", 0.6, new PlotlyLine(b.Color, 1, "dot"), "above")).ToList(),
        });
    }

    private static string Hover(HeatmapColumnDto column, HeatmapCellDto cell, TimeZoneInfo zone)
    {
        string due = cell.DueAt is { } d ? " · tenggat " + IndonesianText.Short(d, zone) : "";
        return $"{Truncate(column.Activity, 60)}{due}";
    }

    /// <summary>
    /// Category labels cut to a length a phone can show next to its bars; the full name stays in the hover and the
    /// data table. Without this, automargin gives long OPD names the whole width and the bars vanish.
    /// </summary>
    private static PlotlyAxis ShortLabels(IReadOnlyList<object?> names) => new()
    {
        TickVals = names.Select(n => n ?? "").ToList(),
        TickText = names.Select(n => Truncate(n?.ToString() ?? "", 26)).ToList(),
    };

    /// <summary>About 30 px per bar so fifty OPDs stay readable; never below a card's height.</summary>
    private static int RowsHeight(int rows) => Math.Max(220, 60 + 30 * rows);

    public static string Roman(int triwulan) => triwulan switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => triwulan.ToString(CultureInfo.InvariantCulture) };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
