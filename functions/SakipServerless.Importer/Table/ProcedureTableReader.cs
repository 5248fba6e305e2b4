using SakipServerless.Importer.Steps;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Table;

/// <summary>
/// Reads the step rows below the table header. Blank lines inside the table are skipped; a line with an empty first
/// cell continues the row above (a wrapped cell); a repeated header (a page break) is skipped; the first line
/// without cells ends the table, so a trailing signature block is never read as a step.
/// </summary>
internal static class ProcedureTableReader
{
    public static List<ProcedureRow> Read(IReadOnlyList<string> lines, TableLayout layout, ImportWarnings warnings)
    {
        var rows = new List<ProcedureRow>();
        for (int i = layout.FirstRowLine; i < lines.Count; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var cells = InlineText.Cells(line);
            if (StepRows.TryNumber(cells, out int no))
            {
                warnings.Place(no, i);
                rows.Add(Build(no, i, Align(cells, layout, no, warnings), layout));
                continue;
            }

            if (cells.Length == 1)
            {
                break;
            }

            if (cells[0].Trim().Length == 0 && rows.Count > 0)
            {
                rows[^1] = Continue(rows[^1], cells, layout);
                continue;
            }

            if (TableHeaderDetector.Detect([line]) is not null)
            {
                continue;
            }

            break;
        }

        return rows;
    }

    /// <summary>
    /// Maps a row's cells onto the layout. A row with another cell count than the header is tried right-aligned
    /// too (exports drop empty actor cells), and the mapping whose Waktu cell reads as a duration wins.
    /// </summary>
    private static string[] Align(string[] cells, TableLayout layout, int no, ImportWarnings warnings)
    {
        int width = layout.Width;
        if (cells.Length == width)
        {
            return cells;
        }

        var direct = Pad(cells, width);
        var waktu = layout.Find(ColumnKind.Waktu);
        int trailing = layout.Columns.Reverse().TakeWhile(c => c.Kind is ColumnKind.Keterangan or ColumnKind.Ignored).Count();
        bool onlyTrailingMissing = cells.Length < width && cells.Length >= width - trailing;
        if (waktu is null || onlyTrailingMissing || ReadsAsDuration(direct, waktu))
        {
            if (cells.Length > width && cells.Skip(width).Any(c => c.Trim().Length > 0))
            {
                warnings.ForStep(no, $"baris memiliki {cells.Length} kolom, lebih banyak dari judul tabel ({width}); kolom lebihnya diabaikan.");
            }
            else if (cells.Length < width && !onlyTrailingMissing)
            {
                warnings.ForStep(no, $"baris hanya memiliki {cells.Length} kolom dari {width}; kolom yang tidak ada dibaca kosong.");
            }

            return direct;
        }

        // Keep No, the activity and the actors on the left; take the mutu-baku columns from the row's right end.
        int firstMutu = layout.Columns.Where(c => c.Kind is ColumnKind.Kelengkapan or ColumnKind.Waktu or ColumnKind.Output).Min(c => c.Index);
        foreach (int missingTrailing in new[] { 0, trailing }.Distinct())
        {
            int tail = width - missingTrailing - firstMutu;
            int head = cells.Length - tail;
            if (head < 2)
            {
                continue;
            }

            var shifted = new string[width];
            for (int c = 0; c < width; c++)
            {
                shifted[c] = c < firstMutu ? (c < Math.Min(head, firstMutu) ? cells[c] : "")
                    : c < firstMutu + tail ? cells[head + (c - firstMutu)]
                    : "";
            }

            if (ReadsAsDuration(shifted, waktu))
            {
                warnings.ForStep(no, $"baris memiliki {cells.Length} kolom, judul tabel {width}; kolom Kelengkapan/Waktu/Output dibaca rata kanan.");
                return shifted;
            }
        }

        warnings.ForStep(no, $"baris memiliki {cells.Length} kolom, judul tabel {width}; isi kolom mungkin bergeser, periksa langkah ini.");
        return direct;
    }

    private static bool ReadsAsDuration(string[] cells, TableColumn waktu) =>
        waktu.Index < cells.Length && IndonesianDurationParser.Parse(InlineText.Plain(cells[waktu.Index]), waktu.Unit).Duration is not null;

    private static string[] Pad(string[] cells, int width)
    {
        if (cells.Length >= width)
        {
            return cells;
        }

        var padded = new string[width];
        for (int i = 0; i < width; i++)
        {
            padded[i] = i < cells.Length ? cells[i] : "";
        }

        return padded;
    }

    private static ProcedureRow Build(int no, int line, string[] cells, TableLayout layout)
    {
        string Text(ColumnKind kind) => layout.Find(kind) is { } c && c.Index < cells.Length ? InlineText.Plain(cells[c.Index]) : "";
        // Kelengkapan keeps its line breaks: they separate items.
        string Raw(ColumnKind kind) => layout.Find(kind) is { } c && c.Index < cells.Length ? cells[c.Index].Trim() : "";
        var actorCells = layout.ActorColumns.Select(c => c.Index < cells.Length ? InlineText.Plain(cells[c.Index]) : "").ToList();
        return new ProcedureRow(
            no,
            line,
            Text(ColumnKind.Activity),
            actorCells,
            Text(ColumnKind.ActorText),
            Raw(ColumnKind.Kelengkapan),
            Text(ColumnKind.Waktu),
            Text(ColumnKind.Output),
            Text(ColumnKind.Keterangan));
    }

    /// <summary>Appends a wrapped line's cells to the row above, column by column.</summary>
    private static ProcedureRow Continue(ProcedureRow row, string[] cells, TableLayout layout)
    {
        string Join(string before, ColumnKind kind) =>
            layout.Find(kind) is { } c && c.Index < cells.Length && InlineText.Plain(cells[c.Index]) is { Length: > 0 } more
                ? InlineText.Collapse(before + " " + more)
                : before;

        var actorCells = row.ActorCells.ToList();
        for (int a = 0; a < layout.ActorColumns.Count; a++)
        {
            int index = layout.ActorColumns[a].Index;
            if (index < cells.Length && InlineText.Plain(cells[index]) is { Length: > 0 } mark)
            {
                actorCells[a] = InlineText.Collapse(actorCells[a] + " " + mark);
            }
        }

        return row with
        {
            Activity = Join(row.Activity, ColumnKind.Activity),
            ActorCells = actorCells,
            ActorText = Join(row.ActorText, ColumnKind.ActorText),
            Kelengkapan = layout.Find(ColumnKind.Kelengkapan) is { } k && k.Index < cells.Length && cells[k.Index].Trim().Length > 0
                ? row.Kelengkapan + DocumentCleaner.CellBreak + cells[k.Index].Trim()
                : row.Kelengkapan,
            Waktu = Join(row.Waktu, ColumnKind.Waktu),
            Output = Join(row.Output, ColumnKind.Output),
            Keterangan = Join(row.Keterangan, ColumnKind.Keterangan),
        };
    }
}
