using System.Globalization;
using System.Text;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// The rekap as CSV the way Indonesian Excel opens it by double-click: UTF-8 with a BOM (or it guesses a code page),
/// <c>;</c> between fields and a decimal comma (the list and decimal separators of the id-ID locale), CRLF lines.
/// A data file, not a document: no title block, one row per indicator with its OPD in the first column.
/// </summary>
public static class RekapCsvWriter
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static byte[] Write(RekapTable table)
    {
        var text = new StringBuilder();
        WriteLine(text, ["OPD", .. table.Headers]);
        foreach (var sheet in table.Sheets)
        {
            foreach (var row in sheet.Rows)
            {
                WriteLine(text,
                [
                    Text(sheet.OpdName), Text(row.Sasaran), Text(row.Indikator), Text(row.Satuan),
                    .. row.Cells.Select((c, i) => Number(c.Value, table.Columns[i].Measure == RekapMeasure.Capaian)),
                    Text(row.Predikat ?? ""), Text(row.Catatan),
                ]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>Capaian to 2 decimals as on screen; targets and realisasi as entered, without trailing zeros.</summary>
    public static string Number(decimal? value, bool isCapaian) =>
        value is not { } v ? "" : v.ToString(isCapaian ? "0.00" : "0.##########", DecimalComma);

    /// <summary>
    /// Quotes when needed, and defuses text that a spreadsheet would run as a formula (=, +, -, @ first): indicator
    /// and sasaran names come from imported master data.
    /// </summary>
    public static string Text(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static void WriteLine(StringBuilder text, IEnumerable<string> fields) => text.Append(string.Join(';', fields)).Append("\r\n");
}
