using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Importer;
using SakipServerless.Importer.Tests.Support.Docx;
using UglyToad.PdfPig;

namespace SakipServerless.Bench.Import;

/// <summary>
/// Item 7 (issue 17): importing a 3-page SOP as .docx and as .pdf. The Bantul seed is written as a Word document by
/// the importer tests' writer and exported to PDF by LibreOffice, as in the tests; both are 3 pages. Per file:
/// the steady-state import in this process (as a running backend serves it), median of 30 after 10 warm-up runs,
/// with the bytes it allocates; the first import in a fresh process (what <c>sop import</c> pays: JIT and assembly
/// loading included) and that process's peak RSS, median of 5 processes. Reference in the same run, both ways: the
/// library alone reading the same file (OpenXml: every paragraph's text; PdfPig: every page's words).
/// </summary>
public static class ImportBench
{
    public const string OnceArgument = "--import-once";
    public const string LibraryArgument = "library";

    private const string Seed = "002_2c15a981ed081654.txt";
    private const int Processes = 5;
    private const int WarmUp = 10;
    private const int Timed = 30;

    public static async Task RunAsync(string folder, Report report, bool quick, string root)
    {
        Console.WriteLine("7. SOP import of a 3-page .docx and .pdf");
        string work = Path.Combine(folder, "import");
        Directory.CreateDirectory(work);
        string docx = Path.Combine(work, "sop-bantul.docx");
        File.WriteAllBytes(docx, SopDocxWriter.FromExport(File.ReadAllText(Path.Combine(root, "sop", "seeds", Seed))));
        LibreOffice.ConvertAllToPdf(work);
        string pdf = Path.ChangeExtension(docx, ".pdf");
        int pages;
        using (var document = PdfDocument.Open(pdf))
        {
            pages = document.NumberOfPages;
        }

        foreach (var (label, path, reference) in new (string, string, Action<byte[]>)[] { (".docx", docx, ReadDocxText), (".pdf", pdf, ReadPdfWords) })
        {
            byte[] content = File.ReadAllBytes(path);
            var cold = new List<(double Ms, double PeakMb, double WallMs)>();
            var coldLibrary = new List<(double Ms, double PeakMb, double WallMs)>();
            for (int i = 0; i < (quick ? 2 : Processes); i++)
            {
                cold.Add(await ImportInFreshProcessAsync(path));
                coldLibrary.Add(await ImportInFreshProcessAsync(path, libraryOnly: true));
            }

            var (steady, allocated) = Steady(() => SopImporter.Import(content, Path.GetFileName(path)), quick);
            var (library, _) = Steady(() => reference(content), quick);
            double coldMs = Median(cold.Select(c => c.Ms));
            double peak = Median(cold.Select(c => c.PeakMb));
            string size = $"{content.Length / 1024.0:0} KB, {pages} pages";
            report.Add(new ResultRow("7", $"import of the Bantul SOP as {label} ({size}) in a warm process, as the API runs it (median of {steady.Count})",
                $"{Format.Ms(steady.P50)} (p99 {Format.Ms(steady.P99)}; {Format.Mb(allocated)} allocated per import)", "< 500 ms",
                $"the library alone reading the file: {Format.Ms(library.P50)}", steady.P50 < 500));
            report.Add(new ResultRow("7", $"the same, first call in a fresh process, as `sop import` runs it (JIT and loading included; median of {cold.Count})",
                $"{Format.Ms(coldMs)}; whole process {Format.Ms(Median(cold.Select(c => c.WallMs)))}", "< 500 ms",
                $"the library alone, first call in a fresh process: {Format.Ms(Median(coldLibrary.Select(c => c.Ms)))}", coldMs < 500));
            report.Add(new ResultRow("7", $"peak resident memory of that process ({label})", Format.Mb(peak), "",
                $"the library alone reading the file in a fresh process: {Format.Mb(Median(coldLibrary.Select(c => c.PeakMb)))}"));
        }
    }

    /// <summary>Child mode: one import (or, with "library", the library alone reading the file), timed from its first call, then the process's own peak RSS.</summary>
    public static void RunOnce(string path, bool libraryOnly)
    {
        byte[] content = File.ReadAllBytes(path);
        var watch = Stopwatch.StartNew();
        if (libraryOnly)
        {
            (path.EndsWith(".pdf", StringComparison.Ordinal) ? (Action<byte[]>)ReadPdfWords : ReadDocxText)(content);
        }
        else if (SopImporter.Import(content, Path.GetFileName(path)).Template.Steps.Count == 0)
        {
            throw new InvalidOperationException("no steps imported");
        }

        watch.Stop();

        long peak = ProcessMemory.PeakRssBytes(Environment.ProcessId);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{watch.Elapsed.TotalMilliseconds} {ProcessMemory.Mb(peak)}"));
    }

    private static async Task<(double Ms, double PeakMb, double WallMs)> ImportInFreshProcessAsync(string path, bool libraryOnly = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "SakipServerless.Bench.dll"), OnceArgument, path, libraryOnly ? LibraryArgument : "" })
        {
            start.ArgumentList.Add(arg);
        }

        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        string output = await process.StandardOutput.ReadToEndAsync();
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        wall.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"import process failed ({process.ExitCode}): {errors}");
        }

        var parts = output.Trim().Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), wall.Elapsed.TotalMilliseconds);
    }

    private static (Percentiles Times, double AllocatedMb) Steady(Action work, bool quick)
    {
        for (int i = 0; i < WarmUp; i++)
        {
            work();
        }

        var samples = new List<double>();
        long allocated = 0;
        for (int i = 0; i < (quick ? 5 : Timed); i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            work();
            samples.Add(watch.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        return (new Percentiles(samples), ProcessMemory.Mb(allocated));
    }

    private static void ReadDocxText(byte[] content)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), false);
        int length = 0;
        foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            length += paragraph.InnerText.Length;
        }

        GC.KeepAlive(length);
    }

    private static void ReadPdfWords(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        int words = 0;
        foreach (var page in document.GetPages())
        {
            words += page.GetWords().Count();
        }

        GC.KeepAlive(words);
    }

    private static double Median(IEnumerable<double> values) => new Percentiles(values).P50;
}
