using System.Text;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.Periods;

namespace SakipServerless.Api.Dashboard;

/// <summary>
/// Download names that say what the file holds (pemda, OPD, period, sasaran), e.g.
/// <c>Rekap-Capaian-jeneponto-kesbangpol-2026-TW-IV.xlsx</c>, built only from letters, digits and '-' so no header
/// injection or path trick survives, whatever the ids and the sasaran hold.
/// </summary>
public static class ExportFileName
{
    public static string For(string tenantId, string? opdId, RekapPeriod period, string? sasaran, string extension)
    {
        var name = new StringBuilder("Rekap-Capaian");
        foreach (var part in new[] { Slug(tenantId, 40), Slug(opdId, 40), $"{period.Year}-{PeriodPart(period)}", Slug(sasaran, 30) })
        {
            if (part.Length > 0)
            {
                name.Append('-').Append(part);
            }
        }

        return $"{name}.{extension}";
    }

    private static string PeriodPart(RekapPeriod period) => period.Kind switch
    {
        PeriodKind.Triwulan => "TW-" + RekapPeriod.Roman(period.Index),
        PeriodKind.Semester => "Semester-" + RekapPeriod.Roman(period.Index),
        _ => "Tahunan",
    };


    private static string Slug(string? text, int max)
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
        if (result.Length <= max)
        {
            return result;
        }

        // Cut at a word boundary when there is one, so a long sasaran does not end in half a word.
        int cut = result.LastIndexOf('-', max);
        return (cut > 0 ? result[..cut] : result[..max]).TrimEnd('-');
    }
}
