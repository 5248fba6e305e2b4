namespace SakipServerless.Importer.Blocks;

/// <summary>The items of each header block, as lists; a block the document lacks is empty.</summary>
internal sealed record HeaderBlocks(IReadOnlyDictionary<HeaderBlockKind, IReadOnlyList<string>> Items)
{
    public IReadOnlyList<string> this[HeaderBlockKind kind] => Items.TryGetValue(kind, out var items) ? items : [];
}
