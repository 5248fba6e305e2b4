using DocumentFormat.OpenXml;

namespace SakipServerless.Importer.Docx;

/// <summary>
/// What a drawing or a symbol in a Pelaksana cell becomes in the text the marker reader understands: the glyph a
/// text export would have written for it. Flowchart shapes keep their meaning (a diamond is a decision, a
/// connector or block arrow is a flow line); any other picture or shape is a plain mark, as the issue of drawn
/// flowcharts demands: a cell with a drawing is a marked cell.
/// </summary>
internal static class DocxMarkerGlyphs
{
    public const string Mark = "■";

    public static string ForShape(OpenXmlElement drawing)
    {
        string? preset = drawing.Descendants().FirstOrDefault(e => e.LocalName == "prstGeom")?.GetAttributes()
            .FirstOrDefault(a => a.LocalName == "prst").Value;
        // VML (w:pict, the fallback older Word writes) names lines and connectors by element.
        bool vmlLine = drawing.Descendants().Any(e => e.LocalName is "line" or "polyline" && e.NamespaceUri.Contains("vml", StringComparison.Ordinal));
        return preset switch
        {
            "flowChartDecision" or "diamond" => "◆",
            "leftArrow" => "←",
            "upArrow" => "↑",
            "downArrow" => "↓",
            "rightArrow" or "line" or "straightConnector1" => "→",
            { } p when p.StartsWith("bentConnector", StringComparison.Ordinal) || p.StartsWith("curvedConnector", StringComparison.Ordinal) => "→",
            null when vmlLine => "→",
            _ => Mark,
        };
    }

    /// <summary>w:sym characters from the symbol fonts Word's "Insert Symbol" and checkbox lists use.</summary>
    public static string ForSymbol(string? font, string? code)
    {
        if (code is null || !int.TryParse(code, System.Globalization.NumberStyles.HexNumber, null, out int c))
        {
            return Mark;
        }

        // Symbol fonts map their glyphs into the private-use area at F000; the low byte is the font's own code.
        int low = c & 0xFF;
        bool wingdings = font?.StartsWith("Wingdings", StringComparison.OrdinalIgnoreCase) ?? false;
        if (!wingdings && c is < 0xE000 or > 0xF8FF)
        {
            return char.ConvertFromUtf32(c);
        }

        return low switch
        {
            0xA8 or 0x6F or 0x71 => "☐",
            0xFE or 0xFD => "☑",
            0xFC => "✓",
            0xFB => "✗",
            0xE0 or 0xE8 or 0xF0 => "→",
            0xDF or 0xE7 or 0xEF => "←",
            0xE1 or 0xE9 or 0xF1 => "↑",
            0xE2 or 0xEA or 0xF2 => "↓",
            0x75 or 0x74 => "◆",
            _ => Mark,
        };
    }
}
