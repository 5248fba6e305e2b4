namespace SakipServerless.Api.Tests.Support;

/// <summary>
/// A workbook as LibreOffice Calc (Debian's libreoffice-calc-nogui, installed by .ci/run) opens it: every sheet to its
/// own CSV with the cells as LibreOffice shows them, or to PDF as it prints. Each call has its own temp folder; the
/// run itself (profile, locale, timeout) is the shared <see cref="SakipServerless.Importer.Tests.Support.Docx.LibreOffice"/>.
/// </summary>
internal static class LibreOfficeCalc
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
        var work = Directory.CreateTempSubdirectory("sakip-soffice-");
        try
        {
            string input = Path.Combine(work.FullName, "rekap.xlsx");
            await File.WriteAllBytesAsync(input, xlsx);
            string output = Directory.CreateDirectory(Path.Combine(work.FullName, "out")).FullName;
            await SakipServerless.Importer.Tests.Support.Docx.LibreOffice.ConvertAsync([input], filter, output, Timeout);
            var files = Directory.GetFiles(output, pattern);
            if (files.Length == 0)
            {
                throw new InvalidOperationException($"LibreOffice wrote no {pattern} for the workbook.");
            }

            return read(files);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
