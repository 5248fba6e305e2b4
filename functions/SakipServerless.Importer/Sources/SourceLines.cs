using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Sources;

/// <summary>
/// The intermediate model every reader produces and the parsers consume: the document as lines, a table row per
/// line with its cells separated by tabs (a merged cell repeated as empty cells, as a text export writes it), and
/// line breaks inside a cell as <see cref="Text.DocumentCleaner.CellBreak"/>. <see cref="Places"/> says, per line,
/// where it came from in the file (page, table row) when the format has such places.
/// </summary>
internal sealed record SourceLines(IReadOnlyList<string> Lines, IReadOnlyList<string?> Places, IReadOnlyList<ImportWarning> Notes)
{
    public static SourceLines FromText(IReadOnlyList<string> lines) => new(lines, [], []);
}
