using System.Text.Json.Serialization;

namespace SakipServerless.Dashboard.Charts;

/// <summary>The layout parts the dashboard sets. Separators make Plotly print numbers the Indonesian way (95,5).</summary>
public sealed record PlotlyLayout
{
    public string Separators { get; init; } = ",.";

    public int? Height { get; init; }

    public string? BarMode { get; init; }

    public bool? ShowLegend { get; init; }

    public PlotlyMargin Margin { get; init; } = new(8, 8, 8, 40);

    public PlotlyAxis? XAxis { get; init; }

    public PlotlyAxis? YAxis { get; init; }

    public PlotlyLegend? Legend { get; init; }

    public IReadOnlyList<PlotlyShape>? Shapes { get; init; }

    public PlotlyFont Font { get; init; } = new("system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", 12);

    [JsonPropertyName("paper_bgcolor")]
    public string PaperBackground { get; init; } = "rgba(0,0,0,0)";

    [JsonPropertyName("plot_bgcolor")]
    public string PlotBackground { get; init; } = "rgba(0,0,0,0)";

    public string? HoverMode { get; init; } = "closest";
}

/// <summary>Margins in pixels (left, right, top, bottom).</summary>
public sealed record PlotlyMargin(int L, int R, int T, int B);

/// <summary>An axis: title, range, ticks; <see cref="AutoMargin"/> lets long OPD names push the plot.</summary>
public sealed record PlotlyAxis
{
    public PlotlyTitle? Title { get; init; }

    public IReadOnlyList<object>? Range { get; init; }

    public string? TickSuffix { get; init; }

    public bool? AutoMargin { get; init; } = true;

    public string? AutoRange { get; init; }

    public bool? FixedRange { get; init; } = true;

    public string? Side { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<object>? TickVals { get; init; }

    public IReadOnlyList<string>? TickText { get; init; }

    public bool? ZeroLine { get; init; }

    public string? GridColor { get; init; } = "#e5e7eb";
}

/// <summary>An axis title.</summary>
public sealed record PlotlyTitle(string Text);

/// <summary>The legend's position.</summary>
public sealed record PlotlyLegend(string Orientation = "h", double? X = 0, double? Y = 1.12);

/// <summary>A background band (predikat ranges behind the trend).</summary>
public sealed record PlotlyShape(string Type, string XRef, string YRef, double X0, double X1, double Y0, double Y1, string FillColor, double Opacity, PlotlyLine Line, string Layer = "below");

/// <summary>Font family and size.</summary>
public sealed record PlotlyFont(string Family, int Size);
