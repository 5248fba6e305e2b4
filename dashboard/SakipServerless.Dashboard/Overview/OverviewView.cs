using SakipServerless.Dashboard.Api.Models;

namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// What the overview shows for one set of slicers: the backend's overview for them, the same narrowed to the focused
/// OPD when a cross-filter is on, and the lists the slicers offer.
/// </summary>
public sealed class OverviewView
{
    public OverviewDto? All { get; set; }

    public OverviewDto? Focused { get; set; }

    public List<OpdOption> Opds { get; set; } = [];

    public List<string> Sasaran { get; set; } = [];

    /// <summary>The current year in the pemda's zone by the backend's clock (the year slicer's default).</summary>
    public int CurrentYear { get; set; }
}

/// <summary>An OPD as the slicer lists it.</summary>
public sealed record OpdOption(string Id, string Name);
