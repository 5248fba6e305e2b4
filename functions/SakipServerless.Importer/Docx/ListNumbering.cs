using DocumentFormat.OpenXml.Wordprocessing;

namespace SakipServerless.Importer.Docx;

/// <summary>
/// Word keeps list numbers out of the text (w:numPr). This writes "1. ", "2. " … for consecutive paragraphs of one
/// list, which is how a text export shows them and how the block parser tells items apart. Bullets get numbers too:
/// either way each paragraph is one item.
/// </summary>
internal sealed class ListNumbering
{
    private int? _list;
    private int _count;

    public string? Next(Paragraph p)
    {
        var num = p.ParagraphProperties?.NumberingProperties;
        int? id = num?.NumberingId?.Val?.Value;
        if (num is null || id is null or 0)
        {
            if (p.InnerText.Trim().Length > 0)
            {
                Reset();
            }

            return null;
        }

        if (_list != id)
        {
            _list = id;
            _count = 0;
        }

        return $"{++_count}. ";
    }

    public void Reset()
    {
        _list = null;
        _count = 0;
    }
}
