using SakipServerless.Importer.Steps;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Table;

/// <summary>
/// Guesses the layout of a procedure table whose header is missing: numbered tab-separated rows, the activity in
/// the second cell, Waktu where most rows hold a readable duration, Kelengkapan before it, Output (and Keterangan)
/// after it, and unnamed actor columns in between.
/// </summary>
internal static class HeaderlessLayoutGuesser
{
    private const int MinimumRows = 2;

    public static TableLayout? Guess(IReadOnlyList<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            var rows = new List<string[]>();
            int j = i;
            while (j < lines.Count && (lines[j].Length == 0 || StepRows.TryNumber(InlineText.Cells(lines[j]), out _)))
            {
                if (lines[j].Length > 0)
                {
                    rows.Add(InlineText.Cells(lines[j]));
                }

                j++;
            }

            if (rows.Count >= MinimumRows && GuessColumns(rows) is { } columns)
            {
                return new TableLayout(i - 1, i, columns, Guessed: true);
            }

            i = Math.Max(i, j);
        }

        return null;
    }

    private static List<TableColumn>? GuessColumns(List<string[]> rows)
    {
        int width = rows.GroupBy(r => r.Length).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        if (width < 4)
        {
            return null;
        }

        int waktu = -1, best = 0;
        for (int c = 2; c < width; c++)
        {
            int readable = rows.Count(r => c < r.Length && IndonesianDurationParser.HasExplicitUnit(InlineText.Plain(r[c])));
            if (readable > best)
            {
                best = readable;
                waktu = c;
            }
        }

        if (waktu < 0 || best * 2 < rows.Count)
        {
            return null;
        }

        var columns = new List<TableColumn> { new(0, ColumnKind.No, "No"), new(1, ColumnKind.Activity, "Kegiatan") };
        int kelengkapan = waktu - 1 > 1 ? waktu - 1 : -1;
        int actor = 0;
        for (int c = 2; c < width; c++)
        {
            columns.Add(c switch
            {
                _ when c == waktu => new(c, ColumnKind.Waktu, "Waktu"),
                _ when c == kelengkapan => new(c, ColumnKind.Kelengkapan, "Kelengkapan"),
                _ when c == waktu + 1 => new(c, ColumnKind.Output, "Output"),
                _ when c == waktu + 2 => new(c, ColumnKind.Keterangan, "Keterangan"),
                _ when c < kelengkapan => new(c, ColumnKind.Actor, $"Pelaksana {++actor}"),
                _ => new(c, ColumnKind.Ignored, ""),
            });
        }

        return columns;
    }
}
