namespace SakipServerless.Dashboard.Charts;

/// <summary>
/// A clicked point. <see cref="Index"/> is its place along the category axis (bars, lines); a heatmap cell has a
/// <see cref="Row"/> and <see cref="Column"/> instead. <see cref="Key"/> is what the category stands for
/// (<see cref="ChartFigure.Keys"/>).
/// </summary>
public sealed record ChartPoint(int? Index, int? Row, int? Column, string? Key);
