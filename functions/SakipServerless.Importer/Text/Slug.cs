using System.Globalization;
using System.Text;

namespace SakipServerless.Importer.Text;

/// <summary>Ids in the schema's slug shape (<c>^[a-z0-9][a-z0-9-]*$</c>) from Indonesian titles.</summary>
internal static class Slug
{
    public static string From(string text, int maxLength = 80)
    {
        string decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool dash = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            char lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(lower);
                dash = false;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }

        string slug = sb.ToString().Trim('-');
        if (slug.Length > maxLength)
        {
            int cut = slug.LastIndexOf('-', maxLength);
            slug = slug[..(cut > 0 ? cut : maxLength)];
        }

        return slug;
    }
}
