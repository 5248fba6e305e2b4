using SakipServerless.Importer.Tests.Support.Docx;
namespace SakipServerless.Importer.Tests.Office;
public sealed class DebugDump
{
    [Fact]
    public void Dump()
    {
        var files = new SeedOfficeFiles();
        foreach (var f in Directory.GetFiles(files.Folder)) File.Copy(f, Path.Combine("/tmp/dbg", Path.GetFileName(f)), true);
        foreach (var f in Directory.GetFiles(files.Folder, "*.docx"))
        {
            var s = SakipServerless.Importer.Docx.DocxSopReader.Read(File.ReadAllBytes(f));
            File.WriteAllLines("/tmp/dbg/" + Path.GetFileName(f) + ".lines", s.Lines.Select((l, i) => $"{s.Places.ElementAtOrDefault(i)}|{l.Replace("\u2028", "¶")}"));
            var r = SopImporter.Import(File.ReadAllBytes(f));
            var t = SopImporter.Import(File.ReadAllBytes(Path.Combine(SeedOfficeFiles.SeedFolder, Path.ChangeExtension(Path.GetFileName(f), ".txt"))));
            File.WriteAllLines("/tmp/dbg/" + Path.GetFileName(f) + ".findings", r.Findings.Select(x => $"{x.Severity}|{x.Location}|{x.Message}").Concat(r.Steps.Select(x => x.ToString())).Concat(t.Steps.Select(x => "TXT " + x)));
            var p = SakipServerless.Importer.Pdf.PdfSopReader.Read(File.ReadAllBytes(Path.ChangeExtension(f, ".pdf")));
            File.WriteAllLines("/tmp/dbg/" + Path.GetFileName(f) + ".pdf.lines", p.Lines.Select((l, i) => $"{p.Places.ElementAtOrDefault(i)}|{l}"));
        }
    }
}
