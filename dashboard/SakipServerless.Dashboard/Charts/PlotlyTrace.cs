namespace SakipServerless.Dashboard.Charts;

/// <summary>One trace (bar, heatmap or scatter). <see cref="CustomData"/> carries each point's drill-down URL.</summary>
public sealed record PlotlyTrace
{
    public required string Type { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<object?>? X { get; init; }

    public IReadOnlyList<object?>? Y { get; init; }

    /// <summary>Heatmap cells, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<double?>>? Z { get; init; }

    /// <summary>A list (bars, points) or a list of rows (heatmap).</summary>
    public object? Text { get; init; }

    public object? CustomData { get; init; }

    public object? HoverText { get; init; }

    /// <summary><c>h</c> for horizontal bars.</summary>
    public string? Orientation { get; init; }

    public PlotlyMarker? Marker { get; init; }

    public PlotlyLine? Line { get; init; }

    public string? Mode { get; init; }

    public string? HoverTemplate { get; init; }

    public string? TextTemplate { get; init; }

    /// <summary>One position for all bars ("auto", "outside"), or one per bar.</summary>
    public object? TextPosition { get; init; }

    public object? ColorScale { get; init; }

    public bool? ShowScale { get; init; }

    public bool? ShowLegend { get; init; }

    public double? ZMin { get; init; }

    public double? ZMax { get; init; }

    public int? XGap { get; init; }

    public int? YGap { get; init; }

    public bool? CliponAxis { get; init; }
}

/// <summary>Bar or point colours: one colour, or one per point.</summary>
public sealed record PlotlyMarker(object? Color, double? Size = null, PlotlyLine? Line = null);

/// <summary>A line's colour, width and dash.</summary>
public sealed record PlotlyLine(string? Color, double? Width = null, string? Dash = null);
