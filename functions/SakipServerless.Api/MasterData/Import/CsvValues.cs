using System.Globalization;
using System.Text;
using SakipServerless.Core.Capaian;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>Reads the cells of an indicator sheet: numbers in Indonesian or English notation, polaritas and agregasi words.</summary>
public static class CsvValues
{
    /// <summary>
    /// A number with a decimal comma or point: "87,5", "87.5", "1.250,75", "1,250.75", "90 %". A single ',' or '.' is the
    /// decimal mark; when both appear the last one is; a mark repeated is grouping and must split groups of three.
    /// Empty and "-" are no value. False when the text is not a number.
    /// </summary>
    public static bool TryParseNumber(string cell, out decimal? value)
    {
        value = null;
        var sb = new StringBuilder(cell.Length);
        foreach (char c in cell.Trim().TrimEnd('%'))
        {
            // Spaces (also the non-breaking and thin ones Excel may put in) separate thousands at most.
            if (!char.IsWhiteSpace(c) && c != '\u202F')
            {
                sb.Append(c);
            }
        }

        string text = sb.ToString();
        if (text.Length == 0 || text is "-" or "–" or "—")
        {
            return true;
        }

        int commas = text.Count(c => c == ',');
        int dots = text.Count(c => c == '.');
        char? group = null;
        char? mark = null;
        if (commas > 0 && dots > 0)
        {
            mark = text.LastIndexOf(',') > text.LastIndexOf('.') ? ',' : '.';
            group = mark == ',' ? '.' : ',';
            if (text.Count(c => c == mark) > 1)
            {
                return false;
            }
        }
        else if (commas + dots == 1)
        {
            mark = commas == 1 ? ',' : '.';
        }
        else if (commas + dots > 1)
        {
            group = commas > 0 ? ',' : '.';
        }

        string integer = mark is { } m ? text[..text.IndexOf(m)] : text;
        string fraction = mark is { } m2 ? text[(text.IndexOf(m2) + 1)..] : "";
        if (group is { } g && !ValidGrouping(integer, g))
        {
            return false;
        }

        string normalized = (group is { } g2 ? integer.Replace(g2.ToString(), "", StringComparison.Ordinal) : integer) + (mark is null ? "" : "." + fraction);
        if (!decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal parsed)
            || (mark is not null && fraction.Length == 0))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    public static Polarity? ParsePolarity(string cell)
    {
        string trimmed = cell.Trim();
        if (trimmed is "↑" or "▲")
        {
            return Polarity.Positive;
        }

        if (trimmed is "↓" or "▼")
        {
            return Polarity.Negative;
        }

        return Word(cell) is var word && PositiveWords.Contains(word) ? Polarity.Positive
            : NegativeWords.Contains(word) ? Polarity.Negative
            : null;
    }

    public static AggregationType? ParseAggregation(string cell) => Word(cell) switch
    {
        "kumulatif" or "akumulatif" or "akumulasi" or "dijumlahkan" or "jumlah" or "penjumlahan" or "cumulative" or "sum" => AggregationType.Kumulatif,
        "nonkumulatif" or "tidakkumulatif" or "bukankumulatif" or "noncumulative" or "terakhir" or "nilaiterakhir" or "nilaiakhir"
            or "posisiakhir" or "triwulanterakhir" or "last" => AggregationType.NonKumulatif,
        "ratarata" or "rerata" or "average" or "mean" => AggregationType.RataRata,
        _ => null,
    };

    /// <summary>"makin besar makin baik" (what the dashboard prints, <see cref="IndicatorWords"/>) and the ways SAKIP sheets say it.</summary>
    private static readonly HashSet<string> PositiveWords = Phrases(["besar", "tinggi", "banyak"],
        ["positif", "positive", "maksimal", "maksimalisasi", "maximize", "+", "higherisbetter", "higherbetter", "biggerisbetter"]);

    private static readonly HashSet<string> NegativeWords = Phrases(["kecil", "rendah", "sedikit"],
        ["negatif", "negative", "minimal", "minimalisasi", "minimize", "-", "lowerisbetter", "lowerbetter", "smallerisbetter"]);

    /// <summary>"makin X makin baik" with the usual intensifiers (makin, semakin, kian, lebih), as <see cref="Word"/> leaves them.</summary>
    private static HashSet<string> Phrases(string[] adjectives, string[] words)
    {
        var set = new HashSet<string>(words, StringComparer.Ordinal);
        string[] intensifiers = ["makin", "semakin", "kian", "lebih"];
        foreach (string adjective in adjectives)
        {
            foreach (string first in intensifiers)
            {
                foreach (string second in intensifiers)
                {
                    set.Add(first + adjective + second + "baik");
                }
            }
        }

        return set;
    }

    /// <summary>Lowercase letters only ("Non-Kumulatif" → "nonkumulatif"); a lone sign is kept as the sign.</summary>
    private static string Word(string cell)
    {
        string trimmed = cell.Trim();
        if (trimmed is "+" or "-")
        {
            return trimmed;
        }

        var sb = new StringBuilder(trimmed.Length);
        foreach (char c in trimmed.ToLowerInvariant())
        {
            if (char.IsAsciiLetter(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool ValidGrouping(string integer, char group)
    {
        string digits = integer.TrimStart('-', '+');
        string[] parts = digits.Split(group);
        return parts[0].Length is >= 1 and <= 3 && parts[1..].All(p => p.Length == 3) && parts.All(p => p.All(char.IsAsciiDigit));
    }
}
