using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Sources;

/// <summary>
/// Text from a .docx or .pdf made safe for the line model: tabs separate cells there, so a tab inside text becomes
/// a space, and the same character normalisation the text reader applies (NBSP, hyphen look-alikes) is applied.
/// A "&lt;" is written as an entity, because the line model strips tags (and decodes entities).
/// </summary>
internal static class CellText
{
    public static string Line(string text)
    {
        string t = DocumentCleaner.NormaliseCharacters(text.Replace('\t', ' ')).Replace('\n', DocumentCleaner.CellBreak);
        t = t.Replace("<", "&lt;", StringComparison.Ordinal);
        return t.Trim(' ', DocumentCleaner.CellBreak);
    }
}
