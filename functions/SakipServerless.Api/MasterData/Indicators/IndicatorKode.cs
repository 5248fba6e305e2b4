using System.Text;
using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.MasterData.Indicators;

/// <summary>
/// Indicator codes and the ids derived from them. Codes are compared by a key that ignores case and punctuation
/// ("IKU 1.2" = "iku-1-2"), because the same sheet is retyped by different people; the id of a new indicator is
/// <c>{opd}-{year}-{key}</c>, so two imports of the same code racing each other write the same document.
/// </summary>
public static class IndicatorKode
{
    public static string Key(string kode)
    {
        var sb = new StringBuilder(kode.Length);
        bool dash = false;
        foreach (char c in kode.Trim().ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (dash && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(c);
                dash = false;
            }
            else
            {
                dash = true;
            }
        }

        return sb.ToString();
    }

    public static bool SameKode(IndicatorRecord record, string kode) => record.Kode is { } k && Key(k) == Key(kode);

    /// <summary>
    /// The id for a new indicator of the OPD and year; suffixed when an older record (created before codes, or
    /// whose code was changed) already holds the natural id.
    /// </summary>
    public static string NewId(string opdId, int year, string kode, ISet<string> taken)
    {
        string id = $"{opdId}-{year}-{Key(kode)}";
        for (int n = 2; taken.Contains(id); n++)
        {
            id = $"{opdId}-{year}-{Key(kode)}-{n}";
        }

        return id;
    }
}
