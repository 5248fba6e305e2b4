using System.Text.RegularExpressions;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Identity;

/// <summary>
/// Reads the identity block in its layouts: "LABEL\t: value", "LABEL : value", a letterhead column to the left of
/// the labels ("BAPPEDA\tDisahkan Oleh\tKepala …"), values continued on the next line under an empty first cell,
/// and an empty "Disahkan Oleh" whose signature block (ending with the NIP) follows a few lines below.
/// Lines that are no label are letterhead lines, kept for the agency reader and the title.
/// </summary>
internal static partial class IdentityBlockParser
{
    /// <summary>How far below an empty "Disahkan Oleh" a signature block may end (blank lines count too).</summary>
    private const int SignatureWindow = 14;

    public static IdentityBlock Parse(IReadOnlyList<string> lines)
    {
        var values = new Dictionary<IdentityField, string>();
        var heading = new List<(int Line, string Text)>();
        IdentityField? continuing = null;
        int approvedLine = -1;

        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i];
            if (line.Length == 0)
            {
                continuing = null;
                continue;
            }

            var cells = InlineText.Cells(line);
            int labelAt = -1;
            IdentityField field = default;
            string rest = "";
            for (int c = 0; c < cells.Length && labelAt < 0; c++)
            {
                // "SATUAN KERJA" heads the letterhead column; the label that matters may follow on the same line.
                if (IdentityLabels.TryRead(InlineText.Plain(cells[c]), out field, out rest) && field != IdentityField.Ignored)
                {
                    labelAt = c;
                }
            }

            if (labelAt < 0)
            {
                string plain = InlineText.Plain(string.Join(' ', cells));
                if (continuing is { } open && cells.Length > 1 && cells[0].Trim().Length == 0)
                {
                    // "\tBURHANUDDIN, NIP …" under "Disahkan Oleh\tCamat Samboja,": the value goes on.
                    values[open] = InlineText.Collapse((values.GetValueOrDefault(open) ?? "") + " " + plain);
                }
                else
                {
                    heading.Add((i, plain));
                    continuing = null;
                }

                continue;
            }

            for (int c = 0; c < labelAt; c++)
            {
                string left = InlineText.Plain(cells[c]);
                if (left.Length > 0 && !(IdentityLabels.TryRead(left, out var f, out _) && f == IdentityField.Ignored))
                {
                    heading.Add((i, left));
                }
            }

            string value = InlineText.Collapse(string.Join(' ', cells.Skip(labelAt + 1).Select(InlineText.Plain).Prepend(rest)));
            value = value.TrimStart(':').Trim();
            if (!values.TryGetValue(field, out var existing) || existing.Length == 0)
            {
                values[field] = value;
            }

            if (field == IdentityField.ApprovedBy)
            {
                approvedLine = i;
            }

            continuing = field;
        }

        var signatureLines = new HashSet<int>();
        if (approvedLine >= 0 && string.IsNullOrEmpty(values.GetValueOrDefault(IdentityField.ApprovedBy)))
        {
            values[IdentityField.ApprovedBy] = ReadSignatureBelow(lines, approvedLine, signatureLines) ?? "";
        }

        var headingLines = heading.Where(h => !signatureLines.Contains(h.Line)).ToList();
        var (title, titleLines) = FindTitle(values.GetValueOrDefault(IdentityField.Title), headingLines, lines);

        return new IdentityBlock(
            Number: InlineText.NullIfEmpty(values.GetValueOrDefault(IdentityField.Number)),
            CreatedAt: InlineText.NullIfEmpty(values.GetValueOrDefault(IdentityField.CreatedAt)),
            RevisedAt: InlineText.NullIfEmpty(values.GetValueOrDefault(IdentityField.RevisedAt)),
            EffectiveAt: InlineText.NullIfEmpty(values.GetValueOrDefault(IdentityField.EffectiveAt)),
            ApprovedBy: InlineText.NullIfEmpty(values.GetValueOrDefault(IdentityField.ApprovedBy)),
            Title: title,
            HeadingLines: headingLines.Where(h => !titleLines.Contains(h.Line)).Select(h => h.Text).Where(t => t.Length > 0).ToList());
    }

    /// <summary>The signature block under an empty "Disahkan Oleh": the lines down to the one starting with NIP.</summary>
    private static string? ReadSignatureBelow(IReadOnlyList<string> lines, int labelLine, HashSet<int> used)
    {
        var taken = new List<int>();
        for (int i = labelLine + 1; i < lines.Count && i <= labelLine + SignatureWindow; i++)
        {
            string plain = InlineText.Plain(lines[i].Replace('\t', ' '));
            if (plain.Length == 0)
            {
                continue;
            }

            if (IdentityLabels.TryRead(plain, out _, out _))
            {
                return null;
            }

            taken.Add(i);
            if (Nip().IsMatch(plain))
            {
                used.UnionWith(taken);
                return InlineText.Collapse(string.Join(' ', taken.Select(t => InlineText.Plain(lines[t].Replace('\t', ' ')))));
            }
        }

        return null;
    }

    /// <summary>
    /// Nama/Judul SOP if labelled; otherwise the name under a "Standar Operasional Prosedur (SOP)" heading;
    /// otherwise the first line that reads "SOP …".
    /// </summary>
    private static (string? Title, HashSet<int> Lines) FindTitle(string? labelled, List<(int Line, string Text)> heading, IReadOnlyList<string> lines)
    {
        var used = new HashSet<int>();
        if (!string.IsNullOrWhiteSpace(labelled))
        {
            return (labelled, used);
        }

        foreach (var (line, text) in heading)
        {
            var m = StandardHeading().Match(text);
            if (!m.Success)
            {
                continue;
            }

            used.Add(line);
            string rest = m.Groups["rest"].Value.Trim();
            if (rest.Length > 0)
            {
                return (rest, used);
            }

            var below = heading.FirstOrDefault(h => h.Line > line && h.Line <= line + 2 && h.Text.Length > 0);
            if (below.Text is { Length: > 0 } && lines.Count > 0)
            {
                used.Add(below.Line);
                return (below.Text, used);
            }
        }

        foreach (var (line, text) in heading)
        {
            if (SopLine().IsMatch(text))
            {
                used.Add(line);
                return (text, used);
            }
        }

        return (null, used);
    }

    [GeneratedRegex(@"^NIP\.?\s*[:.]?\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nip();

    [GeneratedRegex(@"^standar\s+operasional\s+prosedur(?:\s*\(\s*sop\s*\))?\s*[:\-–]?\s*(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StandardHeading();

    [GeneratedRegex(@"^SOP\s+[\p{L}\d][^:]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SopLine();
}
