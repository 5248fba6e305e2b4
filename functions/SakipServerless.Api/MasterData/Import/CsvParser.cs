using System.Text;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>
/// An RFC 4180 reader that is lenient the way Excel is: fields may be quoted (with "" for a quote, separators and
/// line breaks inside), a quote in the middle of an unquoted field is kept as text, CRLF, LF and CR all end a record.
/// </summary>
public static class CsvParser
{
    /// <summary>The separators an exported sheet may use: ';' (Indonesian Excel), ',' (English Excel), tab ("Unicode Text").</summary>
    public static readonly char[] Separators = [';', ',', '\t'];

    /// <summary>Excel's own hint on the first line (<c>sep=;</c>); null when absent.</summary>
    public static char? SeparatorHint(string text, out string rest)
    {
        rest = text;
        if (text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && text.Length > 4 && text[4] is not ('\r' or '\n'))
        {
            int end = text.IndexOfAny(['\r', '\n']);
            int next = end < 0 ? text.Length : end + (text.AsSpan(end).StartsWith("\r\n") ? 2 : 1);
            rest = text[next..];
            return text[4];
        }

        return null;
    }

    /// <summary>The records of <paramref name="text"/>; <paramref name="unterminatedRow"/> names the record whose quote never closes.</summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, char separator, out int? unterminatedRow)
    {
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        bool fieldWasQuoted = false;
        int row = 1;
        unterminatedRow = null;

        void EndField()
        {
            fields.Add(fieldWasQuoted ? field.ToString() : field.ToString().Trim());
            field.Clear();
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            records.Add(new CsvRecord(row++, [.. fields]));
            fields.Clear();
        }

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && !fieldWasQuoted && string.IsNullOrWhiteSpace(field.ToString()))
            {
                // Opening quote (spaces before it are dropped, as Excel does).
                field.Clear();
                quoted = true;
                fieldWasQuoted = true;
            }
            else if (c == separator)
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            unterminatedRow = row;
        }

        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            EndRecord();
        }

        return records;
    }
}
