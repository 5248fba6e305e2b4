namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// The overview's cross-filter, as in Power BI: an OPD picked by clicking its bar filters the other visuals in place
/// (no navigation, the URL keeps the slicers). Picking the same OPD again, or the chip's ✕, clears it. The OPD bar
/// charts keep every bar and fade the others; the rest of the page narrows to the OPD.
/// </summary>
public sealed record OverviewFocus(string OpdId, string OpdName)
{
    /// <summary>The focus after clicking <paramref name="opdId"/> (null: the chip's ✕).</summary>
    public static OverviewFocus? Toggle(OverviewFocus? current, string? opdId, string opdName) =>
        opdId is null || (current is not null && current.OpdId == opdId) ? null : new OverviewFocus(opdId, opdName);
}
