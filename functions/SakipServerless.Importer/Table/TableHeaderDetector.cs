using SakipServerless.Importer.Steps;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Table;

/// <summary>
/// Finds the procedure table's header and builds its column layout. The header is one line, or two when
/// "Pelaksana" and "Mutu Baku" span columns named on the line below (the actors; Kelengkapan, Waktu, Output).
/// Names under the Pelaksana span, or unknown names between the activity and the mutu-baku columns, are actors;
/// a Pelaksana column with nothing named below it holds the actor in words.
/// </summary>
internal static class TableHeaderDetector
{
    public static TableLayout? Detect(IReadOnlyList<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Length == 0 || !lines[i].Contains('\t'))
            {
                continue;
            }

            var top = InlineText.Cells(lines[i]);
            var names = top.Select(c => TableHeaderNames.Classify(InlineText.Key(c), out _)).ToList();
            int no = names.IndexOf(HeaderName.No);
            int activity = names.IndexOf(HeaderName.Activity);
            bool hasTableWords = names.Any(n => n is HeaderName.Pelaksana or HeaderName.MutuBaku or HeaderName.Kelengkapan or HeaderName.Waktu or HeaderName.Output);
            if (no < 0 || activity <= no || !hasTableWords)
            {
                continue;
            }

            string[]? sub = null;
            int firstRow = i + 1;
            if (i + 1 < lines.Count && lines[i + 1].Length > 0)
            {
                var next = InlineText.Cells(lines[i + 1]);
                if (!StepRows.TryNumber(next, out _) && next.Length > 1 && next.Skip(1).Any(c => c.Trim().Length > 0))
                {
                    sub = next;
                    firstRow = i + 2;
                }
            }

            return new TableLayout(i, firstRow, BuildColumns(top, sub, no, activity));
        }

        return null;
    }

    private static List<TableColumn> BuildColumns(string[] top, string[]? sub, int noIndex, int activityIndex)
    {
        int width = Math.Max(top.Length, sub?.Length ?? 0);
        string Cell(string[]? cells, int i) => cells is not null && i < cells.Length ? InlineText.Plain(cells[i]) : "";

        // The Pelaksana span runs from its label to the next labelled top cell.
        int spanStart = -1, spanEnd = -1;
        for (int i = 0; i < top.Length; i++)
        {
            if (TableHeaderNames.Classify(InlineText.Key(top[i]), out _) == HeaderName.Pelaksana)
            {
                spanStart = i;
                spanEnd = i + 1;
                while (spanEnd < width && Cell(top, spanEnd).Length == 0)
                {
                    spanEnd++;
                }

                break;
            }
        }

        bool spanNamed = spanStart >= 0 && Enumerable.Range(spanStart, spanEnd - spanStart).Any(i => Cell(sub, i).Length > 0);
        int firstMutu = Enumerable.Range(0, width).FirstOrDefault(i =>
            TableHeaderNames.Classify(InlineText.Key(Cell(sub, i).Length > 0 ? Cell(sub, i) : Cell(top, i)), out _)
                is HeaderName.MutuBaku or HeaderName.Kelengkapan or HeaderName.Waktu or HeaderName.Output, width);

        var columns = new List<TableColumn>();
        int unnamed = 0;
        for (int i = 0; i < width; i++)
        {
            if (i == noIndex)
            {
                columns.Add(new(i, ColumnKind.No, Cell(top, i)));
                continue;
            }

            if (i == activityIndex)
            {
                columns.Add(new(i, ColumnKind.Activity, Cell(top, i)));
                continue;
            }

            string subText = Cell(sub, i), topText = Cell(top, i);
            bool inSpan = i >= spanStart && i < spanEnd && spanStart >= 0;
            string text = subText.Length > 0 ? subText : topText;
            var name = TableHeaderNames.Classify(InlineText.Key(text), out var unit);
            var kind = name switch
            {
                HeaderName.Kelengkapan => ColumnKind.Kelengkapan,
                HeaderName.Waktu => ColumnKind.Waktu,
                HeaderName.Output => ColumnKind.Output,
                HeaderName.Keterangan => ColumnKind.Keterangan,
                HeaderName.Pelaksana => spanNamed ? ColumnKind.Ignored : ColumnKind.ActorText,
                HeaderName.Unknown when inSpan || (i > activityIndex && i < firstMutu) => ColumnKind.Actor,
                HeaderName.Empty when inSpan && spanNamed => ColumnKind.Actor,
                _ => ColumnKind.Ignored,
            };

            if (kind == ColumnKind.Actor && text.Length == 0)
            {
                text = $"Pelaksana {++unnamed}";
            }

            columns.Add(new(i, kind, text, unit));
        }

        return columns;
    }
}
