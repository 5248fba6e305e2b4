using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SakipServerless.Api.MasterData;

/// <summary>Text rules shared by every master-data input: whitespace clean-up, id format, numbers in messages.</summary>
public static partial class MasterDataText
{
    public const int MaxIdLength = 64;

    public const string IdRule = "hanya huruf kecil, angka dan tanda hubung, diawali dan diakhiri huruf atau angka, paling banyak 64 karakter (mis. 'dinas-kesehatan')";

    private static readonly NumberFormatInfo IndonesianNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };

    /// <summary>
    /// Trims and collapses inner whitespace (cells copied from Excel often carry line breaks and double spaces);
    /// null when nothing is left.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Ids travel in URLs and document keys, so they are kept to a URL-safe lowercase slug.</summary>
    public static bool IsValidId(string? id) => id is { Length: > 0 and <= MaxIdLength } && IdPattern().IsMatch(id);

    /// <summary>A number as Indonesians write it in a message: decimal comma, dot grouping.</summary>
    public static string Number(decimal value) => value.ToString("#,0.##########", IndonesianNumbers);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
