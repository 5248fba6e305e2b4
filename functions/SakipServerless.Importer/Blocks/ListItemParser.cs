using System.Text.RegularExpressions;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Blocks;

/// <summary>
/// Splits a header block's content into items: HTML list items, one numbered or bulleted item per line, or
/// numbered items run together on one line ("1. A 2. B 3. C", as some exports flatten lists).
/// Text outside an HTML list (a closing remark after &lt;/ol&gt;) is an item of its own.
/// </summary>
internal static partial class ListItemParser
{
    public static IReadOnlyList<string> Split(string content)
    {
        var items = new List<string>();
        if (content.Contains("<li>", StringComparison.Ordinal))
        {
            foreach (var part in ListItemBoundary().Split(content))
            {
                AddLines(part, items);
            }
        }
        else
        {
            AddLines(content, items);
        }

        return items;
    }

    private static void AddLines(string text, List<string> items)
    {
        // Only within one piece of text may a line continue the numbered item above it (a wrapped line);
        // list-item boundaries always start a new item.
        bool lastWasNumbered = false;
        foreach (var rawLine in text.Split(['\n', DocumentCleaner.CellBreak]))
        {
            string line = InlineText.Plain(rawLine);
            if (line.Length == 0)
            {
                continue;
            }

            var pieces = SplitRunTogether(line);
            bool numbered = LeadingMarker().IsMatch(line);
            if (!numbered && lastWasNumbered && pieces.Count == 1)
            {
                items[^1] = items[^1] + " " + line;
                continue;
            }

            foreach (var piece in pieces)
            {
                string item = LeadingMarker().Replace(piece, "").Trim();
                if (item.Length > 0)
                {
                    items.Add(item);
                }
            }

            lastWasNumbered = numbered && items.Count > 0;
        }
    }

    /// <summary>"1. A 2. B" splits only at numbers that continue the sequence, so "No. 53 Tahun 2014" stays whole.</summary>
    internal static List<string> SplitRunTogether(string line)
    {
        var first = NumberedStart().Match(line);
        if (first.Success && int.TryParse(first.Groups["n"].Value, out int n))
        {
            var parts = new List<string>();
            int start = 0;
            int next = n + 1;
            int searchFrom = first.Length;
            while (true)
            {
                var m = new Regex($@"(?<=\s){next}[.)]\s", RegexOptions.CultureInvariant).Match(line, searchFrom);
                if (!m.Success)
                {
                    break;
                }

                parts.Add(line[start..m.Index].Trim());
                start = m.Index;
                searchFrom = m.Index + m.Length;
                next++;
            }

            parts.Add(line[start..].Trim());
            return parts;
        }

        // "- A - B" on one line: only when the line itself starts as a bullet list.
        if (BulletStart().IsMatch(line))
        {
            return [.. InlineBullet().Split(line).Where(p => p.Trim().Length > 0).Select(p => p.Trim())];
        }

        return [line];
    }

    [GeneratedRegex(@"</?(?:li|ol|ul)>", RegexOptions.CultureInvariant)]
    private static partial Regex ListItemBoundary();

    [GeneratedRegex(@"^\s*(?:\d{1,2}[.)]|[a-z][.)]|[-–•·*▪●◦])(?:\s+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"^\s*(?<n>\d{1,2})[.)]\s", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedStart();

    [GeneratedRegex(@"^\s*[-–•·*▪●◦]\s", RegexOptions.CultureInvariant)]
    private static partial Regex BulletStart();

    [GeneratedRegex(@"(?:^|\s)[-–•·*▪●◦]\s", RegexOptions.CultureInvariant)]
    private static partial Regex InlineBullet();
}
