using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Blocks;

/// <summary>
/// Reads the header blocks (Dasar Hukum, Kualifikasi Pelaksana, Keterkaitan, Peralatan/Perlengkapan, Peringatan,
/// Pencatatan dan Pendataan). A label line may name two blocks side by side, separated by a tab; the content lines
/// below then hold one cell per block. A label may also carry its content in the same cell.
/// A block ends at the next label line, or at a blank line once it has content.
/// </summary>
internal static class HeaderBlockParser
{
    /// <summary>The index of the first line that starts a header block, or -1.</summary>
    public static int FindFirstLabelLine(IReadOnlyList<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (LabelsOf(lines[i]) is not null)
            {
                return i;
            }
        }

        return -1;
    }

    public static HeaderBlocks Parse(IReadOnlyList<string> lines, int from)
    {
        var content = new Dictionary<HeaderBlockKind, List<string>>();
        List<(HeaderBlockKind Kind, List<string> Text)?>? open = null;

        for (int i = Math.Max(0, from); i < lines.Count; i++)
        {
            string line = lines[i];
            var labels = LabelsOf(line);
            if (labels is not null)
            {
                open = [];
                foreach (var label in labels)
                {
                    if (label is { } l)
                    {
                        var text = content.TryGetValue(l.Kind, out var existing) ? existing : content[l.Kind] = [];
                        if (l.Inline.Length > 0)
                        {
                            text.Add(l.Inline);
                        }

                        open.Add((l.Kind, text));
                    }
                    else
                    {
                        open.Add(null);
                    }
                }

                continue;
            }

            if (open is null)
            {
                continue;
            }

            if (line.Length == 0)
            {
                if (open.Any(o => o is { } b && b.Text.Count > 0))
                {
                    open = null;
                }

                continue;
            }

            var cells = InlineText.Cells(line);
            var columns = open.Where(o => o is not null).ToList();
            if (columns.Count == 1 && open.Count == 1)
            {
                columns[0]!.Value.Text.Add(string.Join(' ', cells));
                continue;
            }

            for (int c = 0; c < cells.Length; c++)
            {
                // Extra cells beyond the labelled columns belong to the last block on the line.
                int target = Math.Min(c, open.Count - 1);
                if (open[target] is { } block && cells[c].Trim().Length > 0)
                {
                    block.Text.Add(cells[c]);
                }
            }
        }

        var items = new Dictionary<HeaderBlockKind, IReadOnlyList<string>>();
        foreach (var (kind, text) in content)
        {
            items[kind] = ListItemParser.Split(string.Join('\n', text));
        }

        return new HeaderBlocks(items);
    }

    /// <summary>The labels of a label line, one entry per cell (null for a cell without a label); null if no cell starts with one.</summary>
    private static List<(HeaderBlockKind Kind, string Inline)?>? LabelsOf(string line)
    {
        if (line.Length == 0)
        {
            return null;
        }

        var cells = InlineText.Cells(line);
        var labels = new List<(HeaderBlockKind, string)?>(cells.Length);
        bool any = false;
        foreach (var cell in cells)
        {
            if (HeaderBlockLabels.TryRead(InlineText.Collapse(cell), out var kind, out var rest))
            {
                labels.Add((kind, rest));
                any = true;
            }
            else
            {
                labels.Add(null);
            }
        }

        return any ? labels : null;
    }
}
