using System.Text.RegularExpressions;
using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Reads a Pelaksana cell: checkboxes and ticks, arrows (→ ← ↑ ↓ and their ASCII forms), Mulai/Selesai,
/// Ya/Tidak and decision diamonds. Any other text is kept as a mark of unknown meaning.
/// </summary>
internal static partial class ActorMarkerReader
{
    public static ActorMarker Read(string? cell)
    {
        string text = (cell ?? "").Trim();
        if (text.Length == 0)
        {
            return ActorMarker.Empty;
        }

        var kinds = MarkerKind.None;
        string rest = text.Replace("->", "→", StringComparison.Ordinal).Replace("<-", "←", StringComparison.Ordinal)
            .Replace("=>", "→", StringComparison.Ordinal).Replace("<=", "←", StringComparison.Ordinal);
        var unknown = new System.Text.StringBuilder();
        foreach (char c in rest)
        {
            var kind = c switch
            {
                '→' or '⇒' or '➔' or '➜' or '➝' or '➞' or '⟶' or '►' or '▶' => MarkerKind.ArrowRight,
                '←' or '⇐' or '⟵' or '◄' or '◀' => MarkerKind.ArrowLeft,
                '↔' or '⇔' => MarkerKind.ArrowLeft | MarkerKind.ArrowRight,
                '↑' or '⇑' or '▲' => MarkerKind.ArrowUp,
                '↓' or '⇓' or '▼' => MarkerKind.ArrowDown,
                '↕' or '⇕' => MarkerKind.ArrowUp | MarkerKind.ArrowDown,
                DocumentCleaner.CheckboxMark or '☑' or '☒' or '✓' or '✔' or '√' or '■' or '□' or '●' or '○' or '◯' or '•' or '▪' or '▫' or '⬜' or '⬛' or '✗' or '✘' or '◉' or '▭' or '▯' => MarkerKind.Check,
                '◇' or '◆' or '♦' or '⬦' or '⬥' => MarkerKind.Decision,
                _ => MarkerKind.None,
            };

            if (kind != MarkerKind.None)
            {
                kinds |= kind;
                unknown.Append(' ');
            }
            else
            {
                unknown.Append(c);
            }
        }

        foreach (var word in InlineText.Collapse(unknown.ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var kind = Word().Match(word) is { Success: true } m ? m.Groups switch
            {
                var g when g["start"].Success => MarkerKind.Start,
                var g when g["end"].Success => MarkerKind.End,
                var g when g["yes"].Success => MarkerKind.Yes,
                var g when g["no"].Success => MarkerKind.No,
                _ => MarkerKind.Check,
            } : MarkerKind.Text;
            kinds |= kind;
        }

        return new ActorMarker(kinds, text);
    }

    [GeneratedRegex(@"^(?:(?<start>mulai|start)|(?<end>selesai|finish|end|stop)|(?<yes>ya|yes|y)|(?<no>tidak|tdk|t)|(?<check>x|v|ok))[.:,!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
