using System.Diagnostics;

namespace SakipServerless.Api.Tests.Support;

/// <summary>
/// Converts a workbook with LibreOffice headless, the way the CI image (Debian's libreoffice-calc-nogui, installed by
/// .ci/run) opens it: every sheet to its own CSV with the cells as LibreOffice shows them, or to PDF as it prints. Each call has its own temp folder and
/// user profile, so parallel tests and other users of soffice on the machine do not share a lock or a profile.
/// </summary>
internal static class LibreOffice
{
    /// <summary>
    /// The CSV filter's tokens: comma, double quote, UTF-8 (76), from line 1, no column formats, system language,
    /// text not force-quoted, detect special numbers, <b>cells saved as shown</b> (the number formats applied), no
    /// formulas, spaces kept, and -1 for every sheet into <c>name-Sheet.csv</c>.
    /// </summary>
    private const string CsvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The sheets of <paramref name="xlsx"/> as CSV rows, by sheet name.</summary>
    public static Task<Dictionary<string, List<string[]>>> SheetsAsCsvAsync(byte[] xlsx) =>
        ConvertAsync(xlsx, CsvFilter, "*.csv", files => files.ToDictionary(
            f => Path.GetFileNameWithoutExtension(f)["rekap-".Length..],
            f => Csv.Parse(File.ReadAllText(f), ',')));

    /// <summary>The size in points (width, height) of every page LibreOffice prints <paramref name="xlsx"/> on.</summary>
    public static Task<List<(double Width, double Height)>> PrintedPagesAsync(byte[] xlsx) =>
        ConvertAsync(xlsx, "pdf", "*.pdf", files => PdfPages.Sizes(File.ReadAllBytes(files.Single())));

    private static async Task<T> ConvertAsync<T>(byte[] xlsx, string filter, string pattern, Func<string[], T> read)
    {
        string soffice = Find() ?? throw new InvalidOperationException(
            "LibreOffice (soffice) not found: install libreoffice-calc-nogui (.ci/run does) or set SAKIP_SOFFICE to its path.");
        var work = Directory.CreateTempSubdirectory("sakip-soffice-");
        try
        {
            string input = Path.Combine(work.FullName, "rekap.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            string output = Directory.CreateDirectory(Path.Combine(work.FullName, "out")).FullName;
            var start = new ProcessStartInfo(soffice)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--norestore", "--nolockcheck", "--nodefault",
                $"-env:UserInstallation=file://{Path.Combine(work.FullName, "profile")}",
                "--convert-to", filter, "--outdir", output, input,
            })
            {
                start.ArgumentList.Add(arg);
            }

            // The display locale of "as shown": fixed, so the figures do not depend on the machine's LANG.
            start.Environment["LC_ALL"] = "C.UTF-8";
            start.Environment["LANG"] = "C.UTF-8";

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"soffice did not finish within {Timeout.TotalSeconds:0} s and was killed.");
            }

            var files = Directory.GetFiles(output, pattern);
            if (process.ExitCode != 0 || files.Length == 0)
            {
                throw new InvalidOperationException($"soffice exited with {process.ExitCode} and wrote no {pattern}.\n{await stdout}\n{await stderr}");
            }

            return read(files);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SAKIP_SOFFICE") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Append("/usr/bin").Select(d => Path.Combine(d, "soffice")).FirstOrDefault(File.Exists);
    }
}
