using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;

namespace SakipServerless.Dashboard.Charts;

/// <summary>What every chart of the dashboard shares: Indonesian number separators (95,5), the page's font, no
/// background of its own, and no zooming or dragging (a thumb on a phone scrolls the page, it does not pan a chart).</summary>
public static class ChartLayouts
{
    public static Layout Base(int height, Margin margin) => new()
    {
        Separators = ",.",
        Height = height,
        Margin = margin,
        Font = new Font { Family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", Size = 12 },
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        DragMode = DragModeEnum.False,
        HoverMode = HoverModeEnum.Closest,
    };

    public static Margin Margin(int left, int right, int top, int bottom) => new() { L = left, R = right, T = top, B = bottom };

    public static Config Config { get; } = new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.False,
    };
}
