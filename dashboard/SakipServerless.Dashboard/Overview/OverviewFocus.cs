namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// The overview's cross-filter, as in Power BI: an OPD picked by clicking its bar filters the other visuals in place
/// (no navigation, the URL keeps the slicers). Picking the same OPD again, or the chip's ✕, clears it.
/// <see cref="Source"/> is the chart it was picked in: that chart keeps every bar and fades the others.
/// </summary>
public sealed record OverviewFocus(string OpdId, string OpdName, string Source)
{
    /// <summary>The focus after clicking <paramref name="opdId"/> in <paramref name="source"/>.</summary>
    public static OverviewFocus? Toggle(OverviewFocus? current, string? opdId, string opdName, string source) =>
        opdId is null || (current is not null && current.OpdId == opdId) ? null : new OverviewFocus(opdId, opdName, source);
}
