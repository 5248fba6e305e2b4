namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>
/// The five seed SOPs as Word documents (<see cref="SopDocxWriter"/>), in the usual rendering, in
/// <see cref="Plain"/> and in <see cref="Centred"/>, and as PDFs exported from those by LibreOffice (one LibreOffice start for all), written
/// once per test run into a temporary folder.
/// </summary>
public sealed class SeedOfficeFiles : IDisposable
{
    public SeedOfficeFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sakip-seed-office-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        foreach (var seed in Directory.GetFiles(SeedFolder, "*.txt"))
        {
            string text = File.ReadAllText(seed);
            File.WriteAllBytes(Docx(Path.GetFileName(seed)), SopDocxWriter.FromExport(text));
            File.WriteAllBytes(PlainDocx(Path.GetFileName(seed)), SopDocxWriter.FromExport(text, Plain));
            File.WriteAllBytes(Path.ChangeExtension(CentredPdf(Path.GetFileName(seed)), ".docx"), SopDocxWriter.FromExport(text, Centred));
        }

        LibreOffice.ConvertAllToPdf(Folder);
    }

    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "sop", "seeds");

    public string Folder { get; }

    /// <summary>The second rendering: a procedure table without borders, checkboxes typed as ☐ glyphs.</summary>
    public static SopDocxOptions Plain { get; } = new() { TableBorders = false, CheckboxesAsShapes = false };

    /// <summary>The third rendering: ruled, every body cell centred vertically (the number mid-row).</summary>
    public static SopDocxOptions Centred { get; } = new() { CentredRows = true };

    public string CentredPdf(string seedFile) => Path.Combine(Folder, Path.ChangeExtension(seedFile, ".centred.pdf"));

    public string Docx(string seedFile) => Path.Combine(Folder, Path.ChangeExtension(seedFile, ".docx"));

    public string Pdf(string seedFile) => Path.Combine(Folder, Path.ChangeExtension(seedFile, ".pdf"));

    public string PlainDocx(string seedFile) => Path.Combine(Folder, Path.ChangeExtension(seedFile, ".plain.docx"));

    public string PlainPdf(string seedFile) => Path.Combine(Folder, Path.ChangeExtension(seedFile, ".plain.pdf"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing depends on it.
        }
    }
}
