using System.Text.RegularExpressions;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Splits a Kelengkapan/Persyaratan cell into items (commas, semicolons, bullets). An item that is two items
/// written without a comma ("Disposisi Perjanjian Kinerja") is split only when both halves are named elsewhere in
/// the same document — as an output or a kelengkapan item — and the whole is not; the caller warns about it.
/// </summary>
internal static partial class KelengkapanSplitter
{
    public static List<string> Split(string cell)
    {
        var items = new List<string>();
        foreach (var part in Separator().Split(cell))
        {
            string item = InlineText.Plain(part).TrimStart('-', '•', '·', '*').Trim().TrimEnd('.', ',', ';').Trim();
            if (item.Length > 0 && item != "-")
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>Splits run-together items; <paramref name="known"/> holds every output and item of the document.</summary>
    public static List<string> SplitJoined(IReadOnlyList<string> items, IReadOnlyCollection<string> outputs, IReadOnlyCollection<string> known, out List<(string Whole, string Left, string Right)> splits)
    {
        var result = new List<string>();
        splits = [];
        var knownSet = new HashSet<string>(known.Select(Normalise), StringComparer.Ordinal);
        var outputSet = new HashSet<string>(outputs.Select(Normalise), StringComparer.Ordinal);
        foreach (var item in items)
        {
            var words = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool done = false;
            if (words.Length >= 2 && !outputSet.Contains(Normalise(item)))
            {
                for (int cut = 1; cut < words.Length && !done; cut++)
                {
                    string left = string.Join(' ', words[..cut]), right = string.Join(' ', words[cut..]);
                    if (knownSet.Contains(Normalise(left)) && knownSet.Contains(Normalise(right)))
                    {
                        result.Add(left);
                        result.Add(right);
                        splits.Add((item, left, right));
                        done = true;
                    }
                }
            }

            if (!done)
            {
                result.Add(item);
            }
        }

        return result;
    }

    public static string Normalise(string text) => InlineText.Collapse(text).ToLowerInvariant();

    [GeneratedRegex(@"[,;\n\u2028]|\s+[-•·]\s+|^\s*[-•·]\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
