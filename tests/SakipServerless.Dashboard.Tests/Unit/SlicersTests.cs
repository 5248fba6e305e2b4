extern alias dashboard;
using dashboard::SakipServerless.Dashboard.Overview;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>The slicers between the page URL and the backend's query.</summary>
public sealed class SlicersTests
{
    [Fact]
    public void Slicers_RoundTripThroughTheUrl_AndMapToTheBackendsNames()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["tahun"] = "2025", ["periode"] = "2026-S1", ["opd"] = "kecamatan-samboja", ["sasaran"] = "Meningkatnya tata kelola & pelayanan", ["pemda"] = "x",
        });

        var slicers = Slicers.From(query);

        Assert.Equal(2026, slicers.Year); // the period names its year
        Assert.Equal("?year=2026&period=2026-S1&opdId=kecamatan-samboja&sasaran=Meningkatnya%20tata%20kelola%20%26%20pelayanan", slicers.ToApiQuery());
        Assert.Equal("/capaian?tahun=2026&periode=2026-S1&opd=kecamatan-samboja&sasaran=Meningkatnya%20tata%20kelola%20%26%20pelayanan", slicers.Url("/capaian"));
    }

    [Fact]
    public void EmptySlicers_MeanAll()
    {
        var slicers = Slicers.From(new QueryCollection(new Dictionary<string, StringValues> { ["opd"] = "", ["tahun"] = "abc" }));
        Assert.Equal(new Slicers(null, null, null, null), slicers);
        Assert.Equal("", slicers.ToApiQuery());
        Assert.Equal("2026-Y", slicers.PeriodOr(2026));
    }
}
