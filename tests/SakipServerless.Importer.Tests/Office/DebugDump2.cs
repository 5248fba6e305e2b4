namespace SakipServerless.Importer.Tests.Office;
public sealed class DebugDump2
{
    [Fact]
    public void Dump2()
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open("/tmp/dbg/002_2c15a981ed081654.pdf");
        var lines = new List<string>();
        foreach (var page in doc.GetPages())
        {
            foreach (var w in page.GetWords().OrderByDescending(w => w.BoundingBox.Top).ThenBy(w => w.BoundingBox.Left))
                lines.Add($"{page.Number} T{w.BoundingBox.Top:F1} B{w.BoundingBox.Bottom:F1} L{w.BoundingBox.Left:F1} R{w.BoundingBox.Right:F1} {w.Text}");
            foreach (var p in page.Paths) { var r = p.GetBoundingRectangle(); if (r is { } b) lines.Add($"{page.Number} PATH T{b.Top:F1} B{b.Bottom:F1} L{b.Left:F1} R{b.Right:F1} f{p.IsFilled} s{p.IsStroked}"); }
        }
        File.WriteAllLines("/tmp/dbg/words002.txt", lines);
    }
}
