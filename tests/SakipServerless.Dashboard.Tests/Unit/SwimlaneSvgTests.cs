extern alias dashboard;
using System.Xml.Linq;
using dashboard::SakipServerless.Dashboard.Api.Models;
using dashboard::SakipServerless.Dashboard.Runs.Swimlane;
using SakipServerless.Core.Templates;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>The flowchart writer: valid SVG, one shape per step in its lane, decisions as diamonds with their return loops.</summary>
public sealed class SwimlaneSvgTests
{
    private static SwimlaneNode Node(string id, int no, StepKind kind, int lane, StepState state, string? returnTo = null, int returns = 0) =>
        new(id, no, $"Kegiatan <{no}> & uraian yang cukup panjang untuk dibungkus menjadi beberapa baris", kind, lane, [], state, null, null, returnTo, returns);

    [Fact]
    public void Write_ProducesWellFormedSvg_WithEveryStepLinkedAndTextEscaped()
    {
        var model = new SwimlaneModel(["Kepala", "Kasubag & Staf"],
        [
            Node("a", 1, StepKind.Disposition, 0, StepState.Done),
            Node("b", 2, StepKind.Collect, 1, StepState.Late),
            Node("c", 3, StepKind.Review, 0, StepState.Pending, returnTo: "b", returns: 2),
        ], Finished: false);

        var svg = XElement.Parse(SwimlaneSvg.Write(model, "/pelaksanaan/r1"));
        XNamespace ns = "http://www.w3.org/2000/svg";

        var links = svg.Descendants(ns + "a").ToList();
        Assert.Equal(["/pelaksanaan/r1#langkah-a", "/pelaksanaan/r1#langkah-b", "/pelaksanaan/r1#langkah-c"], links.Select(a => (string)a.Attribute("href")!));
        Assert.Single(svg.Descendants(ns + "polygon"), p => ((string?)p.Attribute("class"))?.Contains("decision") == true);
        var loop = Assert.Single(svg.Descendants(ns + "path"), p => (string?)p.Attribute("class") == "return-loop");
        Assert.Equal("", (string?)loop.Attribute("stroke-dasharray")); // a loop that was taken is drawn solid
        Assert.Contains(svg.Descendants(ns + "text"), t => t.Value.StartsWith("Tidak (2×)", StringComparison.Ordinal));
        Assert.Contains("Kegiatan <1>", links[0].Element(ns + "title")!.Value);
    }

    [Fact]
    public void Wrap_CutsAtWords_AndMarksWhatDidNotFit()
    {
        var lines = SwimlaneSvg.Wrap("Menyusun laporan kinerja triwulan untuk disampaikan kepada pimpinan daerah", 20, 2);
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.True(l.Length <= 20, l));
        Assert.EndsWith("…", lines[^1]);
        Assert.Equal(["Rapat"], SwimlaneSvg.Wrap("Rapat", 20, 3));
    }
}
