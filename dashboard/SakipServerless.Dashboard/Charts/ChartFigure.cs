using Plotly.Blazor;

namespace SakipServerless.Dashboard.Charts;

/// <summary>
/// One chart as Plotly.Blazor draws it (typed traces and layout) plus the key of each category along its axis, so a
/// click on a bar or point is turned back into what it stands for (an OPD id, a period) without parsing labels.
/// </summary>
public sealed record ChartFigure(IList<ITrace> Data, Layout Layout, IReadOnlyList<string?> Keys)
{
    /// <summary>The key of the clicked point: by its index along the category axis.</summary>
    public string? KeyAt(int? index) => index is { } i && i >= 0 && i < Keys.Count ? Keys[i] : null;
}
