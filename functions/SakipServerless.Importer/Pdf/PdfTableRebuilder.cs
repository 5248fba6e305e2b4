using System.Text.RegularExpressions;
using SakipServerless.Importer.Sources;
using SakipServerless.Importer.Table;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Pdf;

/// <summary>
/// Rebuilds the procedure table from word positions. The header is the line naming No and the activity column,
/// down to the first numbered row; its phrases give the columns (phrases stacked in one column are one wrapped
/// title; "Pelaksana" / "Mutu Baku" with titles below them are spans). A column's edges lie in the widest empty
/// strip of the body between two header titles, because body text is left-aligned while titles are centred.
/// Where the PDF draws the table's borders, they give the columns and the table's top and bottom instead.
/// Rows start at a number in the No column; without borders the table ends at a gap wider than a blank line.
/// A repeated header on later pages is skipped; a row continued on the next page is joined. The lines around the
/// table are written by <see cref="PdfLooseLines"/>.
/// </summary>
internal static partial class PdfTableRebuilder
{
    public static SourceLines Rebuild(IReadOnlyList<PdfPageContent> pages)
    {
        var all = pages.SelectMany(p => p.Lines).ToList();
        var output = new List<string>();
        var places = new List<string?>();
        int header = all.FindIndex(IsHeaderLine);
        if (header < 0)
        {
            // No table to rebuild: the text goes on line by line and the parsers say what is missing.
            PdfLooseLines.Write(all, output, places);
            return new SourceLines(output, places, []);
        }

        // Span titles ("Pelaksana", "Mutu Baku") and titles centred in a two-row header sit above the No line:
        // up to the table's top border when it has one, else the lines above that hold header words.
        var pageOf = pages.ToDictionary(p => p.Number);
        var noLineFirst = all[header];
        double? tableTop = pageOf[noLineFirst.Page].HorizontalRules.Where(r => r.Top >= noLineFirst.Top - 1 && r.Top - noLineFirst.Top < noLineFirst.Height * 6).Select(r => (double?)r.Top).Min();
        while (tableTop is { } topRule && header > 0 && all[header - 1].Page == noLineFirst.Page && all[header - 1].Bottom < topRule)
        {
            header--;
        }

        // Without borders a header cell centred vertically (No, Kegiatan merged over two title rows) puts the No
        // line between the rows' lines: a line overlapping the one below it is part of the same title row.
        while (tableTop is null && header > 0 && all[header - 1].Page == all[header].Page
            && all[header - 1].Bottom - all[header].Top < all[header].Height * 1.5
            && (all[header - 1].Bottom < all[header].Top
                || all[header - 1].Phrases().Any(p => TableHeaderNames.Classify(InlineText.Key(p.Text), out _) is not (HeaderName.Unknown or HeaderName.Empty))))
        {
            header--;
        }

        PdfLooseLines.Write(all.Take(header), output, places);

        var noLine = all.Skip(header).First(IsHeaderLine);
        var noPhrase = noLine.Phrases().First(p => TableHeaderNames.Classify(InlineText.Key(p.Text), out _) == HeaderName.No);
        int firstRow = -1;
        for (int i = all.IndexOf(noLine) + 1; i < all.Count; i++)
        {
            if (StepNumberIn(all[i], NoColumnGuess(noLine, noPhrase)) is not null)
            {
                firstRow = i;
                break;
            }
        }

        // With borders the header ends at the first one under the No title (merged down over the title rows, it has
        // none between them), so a first row centred vertically keeps the lines above its number.
        double? headerBorder = pageOf[noLine.Page].HorizontalRules
            .Where(r => r.Top < noLine.Bottom && r.Left < noPhrase.CenterX && r.Right > noPhrase.CenterX)
            .Select(r => (double?)r.Top).Max();
        if (firstRow > 0 && headerBorder is { } border)
        {
            int below = all.FindIndex(all.IndexOf(noLine) + 1, l => l.Page != noLine.Page || l.Top < border);
            if (below >= 0 && below < firstRow)
            {
                firstRow = below;
            }
        }

        if (firstRow < 0)
        {
            PdfLooseLines.Write(all.Skip(header), output, places);

            return new SourceLines(output, places, []);
        }

        var headerLines = all.GetRange(header, firstRow - header);
        double headerHeight = headerLines[0].Top - headerLines[^1].Bottom;
        var titles = HeaderTitles(headerLines, out var spans);
        var body = BodyLines(pages, all, firstRow, headerHeight, NoColumnGuess(noLine, noPhrase), out int end);
        var columns = RuledColumns(pageOf[headerLines[^1].Page], headerLines, titles) ?? ColumnEdges(titles, body);
        titles = [.. columns.Select(c => titles.Where(t => t.Box.CenterX >= c.Left && t.Box.CenterX < c.Right) is var inside && inside.Any()
            ? new Title(new PdfBox(inside.Min(t => t.Box.Left), inside.Max(t => t.Box.Right), inside.Min(t => t.Box.Bottom), inside.Max(t => t.Box.Top)), string.Join(' ', inside.Select(t => t.Text)))
            : new Title(new PdfBox(c.Left, c.Right, double.MinValue, double.MinValue), ""))];
        WriteHeader(titles, spans, columns, output, places, headerLines[0].Page);

        var rows = SplitRows(body, columns[0], pageOf);
        var shapes = pages.ToDictionary(p => p.Number, p => p.Shapes);
        int rowNo = 0;
        foreach (var row in rows)
        {
            rowNo++;
            output.Add(RowText(row, columns, titles, shapes));
            places.Add($"halaman {row[0].Page}, baris {rowNo} tabel prosedur");
        }

        // What follows the table (the signature block) keeps its lines.
        output.Add("");
        places.Add(null);
        PdfLooseLines.Write(all.Skip(end), output, places);

        return new SourceLines(output, places, []);
    }

    private static bool IsHeaderLine(PdfTextLine line)
    {
        var names = line.Phrases().Select(p => TableHeaderNames.Classify(InlineText.Key(p.Text), out _)).ToList();
        int no = names.IndexOf(HeaderName.No);
        return no >= 0 && names.IndexOf(HeaderName.Activity) > no;
    }

    /// <summary>Until the columns are known, the No column runs from the page edge to halfway to the next title.</summary>
    private static PdfBox NoColumnGuess(PdfTextLine header, PdfBox no)
    {
        var next = header.Phrases().FirstOrDefault(p => p.Left > no.Right);
        double right = next.Text is null or "" ? no.Right + 30 : (no.Right + next.Left) / 2;
        return new PdfBox(0, right, 0, 0);
    }

    private static string? StepNumberIn(PdfTextLine line, PdfBox noColumn)
    {
        var first = line.Words.FirstOrDefault(w => w.CenterX >= noColumn.Left && w.CenterX < noColumn.Right);
        return first.Text is { Length: > 0 } t && StepNumber().IsMatch(t) ? t : null;
    }

    /// <summary>A header title: the phrases stacked in one column, top to bottom.</summary>
    private sealed record Title(PdfBox Box, string Text);

    private static List<Title> HeaderTitles(List<PdfTextLine> headerLines, out List<Title> spans)
    {
        var phrases = headerLines.SelectMany(l => l.Phrases()).ToList();
        spans = [];
        var rest = new List<PdfBox>();
        foreach (var p in phrases)
        {
            bool spanName = TableHeaderNames.Classify(InlineText.Key(p.Text), out _) is HeaderName.Pelaksana or HeaderName.MutuBaku;
            bool hasBelow = phrases.Any(q => q.Top < p.Bottom && q.OverlapsHorizontally(p));
            if (spanName && hasBelow)
            {
                spans.Add(new Title(p, p.Text));
            }
            else
            {
                rest.Add(p);
            }
        }

        var groups = new List<List<PdfBox>>();
        foreach (var p in rest.OrderByDescending(p => p.Top))
        {
            var group = groups.FirstOrDefault(g => g.Any(q => q.OverlapsHorizontally(p)));
            if (group is null)
            {
                groups.Add([p]);
            }
            else
            {
                group.Add(p);
            }
        }

        return [.. groups
            .Select(g => new Title(
                new PdfBox(g.Min(p => p.Left), g.Max(p => p.Right), g.Min(p => p.Bottom), g.Max(p => p.Top)),
                string.Join(' ', g.OrderByDescending(p => p.Top).ThenBy(p => p.Left).Select(p => p.Text))))
            .OrderBy(t => t.Box.Left)];
    }

    /// <summary>Body lines from the first row to the end of the table, without the header repeated on later pages.</summary>
    private static List<PdfTextLine> BodyLines(IReadOnlyList<PdfPageContent> pages, List<PdfTextLine> all, int firstRow, double headerHeight, PdfBox noColumn, out int end)
    {
        var body = new List<PdfTextLine>();
        double pitch = TypicalPitch(all, firstRow);
        int lastNo = 0;
        end = all.Count;
        for (int i = firstRow; i < all.Count; i++)
        {
            var line = all[i];
            var rules = pages.First(p => p.Number == line.Page).HorizontalRules;
            bool belowTable = rules.Count > 0 ? line.Top < rules.Min(r => r.Top) : body.Count > 0 && body[^1].Page == line.Page && body[^1].Bottom - line.Top > pitch * 1.9;
            int? no = StepNumberIn(line, noColumn) is { } number ? int.Parse(number.TrimEnd('.', ')'), System.Globalization.CultureInfo.InvariantCulture) : null;
            // A table split by an empty paragraph (two tables of the same columns) goes on with the next step number.
            if (belowTable && no != lastNo + 1)
            {
                end = i;
                break;
            }

            lastNo = no ?? lastNo;

            if (body.Count > 0 && line.Page != body[^1].Page && RepeatsHeader(all, i, headerHeight))
            {
                // The header Word repeats at the top of each page is skipped: down to the border under its
                // No line where borders are drawn, else its height from the first page.
                int noAt = i;
                while (!IsHeaderLine(all[noAt]))
                {
                    noAt++;
                }

                double? under = rules.Where(r => r.Top < all[noAt].Bottom).Select(r => (double?)r.Top).Max();
                double top = line.Top;
                while (i + 1 < all.Count && all[i + 1].Page == line.Page
                    && (under is { } border ? all[i + 1].Top > border : top - all[i + 1].Bottom <= headerHeight + 1))
                {
                    i++;
                }

                continue;
            }

            body.Add(line);
        }

        return body;
    }

    /// <summary>Whether the lines starting a page, within a header's height, include a header line.</summary>
    private static bool RepeatsHeader(List<PdfTextLine> all, int pageStart, double headerHeight)
    {
        double top = all[pageStart].Top;
        for (int i = pageStart; i < all.Count && all[i].Page == all[pageStart].Page && top - all[i].Bottom <= headerHeight + 1; i++)
        {
            if (IsHeaderLine(all[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The usual distance from one line's top to the next one's top inside cells: the median of the small gaps.</summary>
    private static double TypicalPitch(List<PdfTextLine> all, int from)
    {
        var gaps = new List<double>();
        for (int i = from + 1; i < all.Count && gaps.Count < 200; i++)
        {
            if (all[i].Page == all[i - 1].Page)
            {
                gaps.Add(all[i - 1].Bottom - all[i].Top);
            }
        }

        double height = all.Skip(from).Take(50).Select(l => l.Height).DefaultIfEmpty(10).Average();
        var small = gaps.Where(g => g >= 0 && g < height * 2).Order().ToList();
        double gap = small.Count == 0 ? height * 0.3 : small[small.Count / 2];
        return Math.Max(gap, 1) + height;
    }

    /// <summary>
    /// Column edges from the table's vertical borders where the PDF draws them: those crossing the lowest header
    /// line (a border that stops below a span title still separates the columns under it). Null without borders.
    /// </summary>
    private static List<PdfBox>? RuledColumns(PdfPageContent page, List<PdfTextLine> headerLines, List<Title> titles)
    {
        var last = headerLines[^1];
        double middle = (last.Top + last.Bottom) / 2;
        var xs = page.VerticalRules.Where(r => r.Bottom <= middle && r.Top >= middle).Select(r => r.CenterX).Order().ToList();
        var edges = new List<double>();
        foreach (var x in xs)
        {
            if (edges.Count == 0 || x - edges[^1] > 2)
            {
                edges.Add(x);
            }
        }

        // Borders must frame at least the titles found, or they belong to something else.
        if (edges.Count < 3 || edges.Count - 1 < titles.Count)
        {
            return null;
        }

        return [.. edges.Zip(edges.Skip(1)).Select(e => new PdfBox(e.First, e.Second, 0, 0))];
    }

    /// <summary>Column edges: for each pair of neighbouring titles, the middle of the widest x-strip no body word covers.</summary>
    private static List<PdfBox> ColumnEdges(List<Title> titles, List<PdfTextLine> body)
    {
        var words = body.SelectMany(l => l.Words).ToList();
        var edges = new List<double> { double.NegativeInfinity };
        for (int i = 0; i + 1 < titles.Count; i++)
        {
            double from = titles[i].Box.CenterX, to = titles[i + 1].Box.CenterX;
            var covered = words.Where(w => w.Right > from && w.Left < to).Select(w => (Math.Max(w.Left, from), Math.Min(w.Right, to))).OrderBy(c => c.Item1).ToList();
            double bestStart = from, bestLength = -1, cursor = from;
            foreach (var (l, r) in covered)
            {
                if (l - cursor > bestLength)
                {
                    bestLength = l - cursor;
                    bestStart = cursor;
                }

                cursor = Math.Max(cursor, r);
            }

            if (to - cursor > bestLength)
            {
                bestLength = to - cursor;
                bestStart = cursor;
            }

            // The strip must lie between the titles' own edges when it can; titles never overlap a column edge.
            double edge = bestStart + bestLength / 2;
            edges.Add(Math.Clamp(edge, Math.Min(titles[i].Box.Right, to), Math.Max(titles[i + 1].Box.Left, from)));
        }

        edges.Add(double.PositiveInfinity);
        return [.. Enumerable.Range(0, titles.Count).Select(i => new PdfBox(edges[i], edges[i + 1], 0, 0, titles[i].Text))];
    }

    private static int ColumnOf(List<PdfBox> columns, double x)
    {
        for (int c = 0; c < columns.Count; c++)
        {
            if (x >= columns[c].Left && x < columns[c].Right)
            {
                return c;
            }
        }

        return columns.Count - 1;
    }

    /// <summary>The two header lines of the text format: spans and single titles on top, the titles under a span below.</summary>
    private static void WriteHeader(List<Title> titles, List<Title> spans, List<PdfBox> columns, List<string> output, List<string?> places, int page)
    {
        var top = new string[titles.Count];
        var sub = new string[titles.Count];
        var claimed = new bool[titles.Count];
        foreach (var span in spans.OrderBy(s => s.Box.Left))
        {
            int at = ColumnOf(columns, span.Box.CenterX);
            int from = at, to = at;
            // Below the span and of its kind: a title centred over both title rows (No, Kegiatan) can also sit
            // lower than the span, so position alone does not tell; what it names does.
            var fits = TableHeaderNames.Classify(InlineText.Key(span.Text), out _) == HeaderName.Pelaksana
                ? (HeaderName[])[HeaderName.Unknown]
                : [HeaderName.Kelengkapan, HeaderName.Waktu, HeaderName.Output];
            bool Below(int c) => c >= 0 && c < titles.Count && !claimed[c] && titles[c].Box.Top < span.Box.Bottom
                && fits.Contains(TableHeaderNames.Classify(InlineText.Key(titles[c].Text), out _));
            while (Below(from - 1))
            {
                from--;
            }

            while (Below(to + 1))
            {
                to++;
            }

            top[from] = span.Text;
            for (int c = from; c <= to; c++)
            {
                claimed[c] = true;
                sub[c] = titles[c].Text;
            }
        }

        for (int c = 0; c < titles.Count; c++)
        {
            if (!claimed[c])
            {
                top[c] = titles[c].Text;
            }
        }

        output.Add(string.Join('\t', top.Select(t => t ?? "")));
        places.Add($"halaman {page}, judul tabel prosedur");
        if (spans.Count > 0)
        {
            output.Add(string.Join('\t', sub.Select(t => t ?? "")));
            places.Add($"halaman {page}, judul tabel prosedur");
        }
    }

    /// <summary>
    /// Where the table draws borders, a row is what lies between two borders that cross the No column (a No cell
    /// merged down has none between its parts, so they stay one step), and a band without a number continues the
    /// step above (its row split over a page). Without borders, rows start at the line holding a number in the No
    /// column: cells aligned to the top put every line above a number in the row before. (Gaps between rows are no
    /// wider than between lines — cell padding is small — so gaps alone cannot split rows; they only end the table.)
    /// Cells centred vertically in a table without borders would lose their first lines to the row above.
    /// </summary>
    private static List<List<PdfTextLine>> SplitRows(List<PdfTextLine> body, PdfBox noColumn, Dictionary<int, PdfPageContent> pages)
    {
        var cuts = new List<int> { 0 };
        var borders = body.Select(l => l.Page).Distinct().ToDictionary(p => p, p => RowBorders(pages[p], noColumn, body));
        bool ruled = borders.Values.All(b => b.Count >= 2);
        int Band(PdfTextLine line) => borders[line.Page].Count(y => y > (line.Top + line.Bottom) / 2);
        for (int i = 1; i < body.Count; i++)
        {
            bool newBand = ruled && (body[i].Page != body[i - 1].Page || Band(body[i]) != Band(body[i - 1]));
            bool starts = ruled
                ? newBand && BandHasNumber(body, i, noColumn, Band)
                : StepNumberIn(body[i], noColumn) is not null;
            if (starts)
            {
                cuts.Add(i);
            }
        }

        cuts.Add(body.Count);
        var rows = new List<List<PdfTextLine>>();
        for (int k = 0; k + 1 < cuts.Count; k++)
        {
            if (cuts[k + 1] > cuts[k])
            {
                rows.Add(body.GetRange(cuts[k], cuts[k + 1] - cuts[k]));
            }
        }

        return rows;
    }

    /// <summary>The heights of the horizontal borders under the No column on a page, top to bottom.</summary>
    private static List<double> RowBorders(PdfPageContent page, PdfBox noColumn, List<PdfTextLine> body)
    {
        var numbers = body.Where(l => l.Page == page.Number).SelectMany(l => l.Words).Where(w => w.CenterX >= noColumn.Left && w.CenterX < noColumn.Right).ToList();
        if (numbers.Count == 0)
        {
            return [];
        }

        double x = numbers.Average(w => w.CenterX);
        var ys = page.HorizontalRules.Where(r => r.Left < x && r.Right > x).Select(r => r.Top).OrderDescending().ToList();
        var distinct = new List<double>();
        foreach (double y in ys)
        {
            if (distinct.Count == 0 || distinct[^1] - y > 1.5)
            {
                distinct.Add(y);
            }
        }

        return distinct;
    }

    /// <summary>Whether the band (lines between two borders) starting at <paramref name="start"/> holds a step number.</summary>
    private static bool BandHasNumber(List<PdfTextLine> body, int start, PdfBox noColumn, Func<PdfTextLine, int> band)
    {
        for (int i = start; i < body.Count && body[i].Page == body[start].Page && band(body[i]) == band(body[start]); i++)
        {
            if (StepNumberIn(body[i], noColumn) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static string RowText(List<PdfTextLine> row, List<PdfBox> columns, List<Title> titles, Dictionary<int, IReadOnlyList<PdfBox>> shapes)
    {
        var cells = new List<string>[columns.Count];
        for (int c = 0; c < cells.Length; c++)
        {
            cells[c] = [];
        }

        foreach (var line in row)
        {
            foreach (var word in line.Words)
            {
                cells[ColumnOf(columns, word.CenterX)].Add(word.Text);
            }
        }

        // A drawn mark (a flowchart box, a picture) in a cell of this row counts as a mark in that column.
        foreach (var page in row.Select(l => l.Page).Distinct())
        {
            var onPage = row.Where(l => l.Page == page).ToList();
            double top = onPage.Max(l => l.Top) + 4, bottom = onPage.Min(l => l.Bottom) - 4;
            foreach (var shape in shapes[page].DistinctBy(b => (Math.Round(b.Left), Math.Round(b.Top), Math.Round(b.Right), Math.Round(b.Bottom))))
            {
                double middle = (shape.Top + shape.Bottom) / 2;
                int c = ColumnOf(columns, shape.CenterX);
                if (middle <= top && middle >= bottom && shape.Width < columns[c].Width * 0.95)
                {
                    cells[c].Add(Docx.DocxMarkerGlyphs.Mark);
                }
            }
        }

        return string.Join('\t', cells.Select(c => string.Join(' ', c)));
    }

    [GeneratedRegex(@"^\d{1,3}[.)]?$", RegexOptions.CultureInvariant)]
    private static partial Regex StepNumber();
}
