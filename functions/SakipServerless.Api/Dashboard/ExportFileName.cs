using System.Text;

namespace SakipServerless.Api.Dashboard;

/// <summary>Download names built only from a-z, 0-9 and '-', so no header injection or path trick survives, whatever the ids hold.</summary>
public static class ExportFileName
{
    public static string For(string tenantId, string? opdId, int year, string extension)
    {
        var name = new StringBuilder("rekap-capaian");
        foreach (var part in new[] { tenantId, opdId })
        {
            if (Slug(part) is { Length: > 0 } slug)
            {
                name.Append('-').Append(slug);
            }
        }

        return $"{name}-{year}.{extension}";
    }

    private static string Slug(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var slug = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > 40 ? result[..40].TrimEnd('-') : result;
    }
}
