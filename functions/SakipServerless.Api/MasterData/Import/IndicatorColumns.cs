using System.Text;
using System.Text.RegularExpressions;
using SakipServerless.Api.MasterData.Indicators;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>
/// Recognises the column headers pemda use for a Perjanjian Kinerja / Rencana Aksi sheet. Headers are compared after
/// dropping case, spaces, punctuation and any "(…)" note, so "Target Tahunan", "TARGET_TAHUNAN" and "Target (PK)"
/// all match; quarters may be written TW I, TW 1, Triwulan I, Target TW I or Q1.
/// </summary>
public static partial class IndicatorColumns
{
    /// <summary>Columns without which no row can be read.</summary>
    public static readonly IndicatorField[] Required =
        [IndicatorField.Kode, IndicatorField.Sasaran, IndicatorField.Name, IndicatorField.Satuan, IndicatorField.Polarity, IndicatorField.Aggregation];

    private static readonly Dictionary<string, IndicatorField> Aliases = BuildAliases();

    /// <summary>The name a user knows a column by, for messages about a column the file lacks.</summary>
    public static string DisplayName(IndicatorField field) => field switch
    {
        IndicatorField.Kode => "kode",
        IndicatorField.Sasaran => "sasaran",
        IndicatorField.Name => "indikator",
        IndicatorField.Satuan => "satuan",
        IndicatorField.Polarity => "polaritas",
        IndicatorField.Aggregation => "agregasi",
        IndicatorField.Min => "min",
        IndicatorField.Max => "max",
        IndicatorField.TargetTahunan => "target tahunan",
        IndicatorField.TargetQ1 => "TW I",
        IndicatorField.TargetQ2 => "TW II",
        IndicatorField.TargetQ3 => "TW III",
        IndicatorField.TargetQ4 => "TW IV",
        _ => field.ToString(),
    };

    /// <summary>The field a header names, or null for a column the import does not read (No, Keterangan, Program …).</summary>
    public static IndicatorField? Recognize(string header)
    {
        string full = Normalize(header);
        string withoutNote = Normalize(Note().Replace(header, ""));
        foreach (string key in new[] { withoutNote, full })
        {
            if (key.Length == 0)
            {
                continue;
            }

            if (Aliases.TryGetValue(key, out var field))
            {
                return field;
            }

            if (YearTarget().IsMatch(key))
            {
                return IndicatorField.TargetTahunan;
            }
        }

        return null;
    }

    private static string Normalize(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (char c in header.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, IndicatorField> BuildAliases()
    {
        var aliases = new Dictionary<string, IndicatorField>(StringComparer.Ordinal);
        void Add(IndicatorField field, params string[] names)
        {
            foreach (string name in names)
            {
                aliases[Normalize(name)] = field;
            }
        }

        Add(IndicatorField.Kode, "kode", "kode indikator", "kode iku", "kode ik", "kd");
        Add(IndicatorField.Sasaran, "sasaran", "sasaran strategis", "sasaran strategi", "sasaran program", "sasaran kinerja");
        Add(IndicatorField.Name, "indikator", "indikator kinerja", "nama indikator", "indikator kinerja utama", "iku", "indikator sasaran",
            "uraian indikator", "indicator");
        Add(IndicatorField.Satuan, "satuan", "satuan ukuran", "sat");
        Add(IndicatorField.Polarity, "polaritas", "polarity", "polarisasi", "arah", "arah polaritas");
        Add(IndicatorField.Aggregation, "agregasi", "aggregation", "jenis agregasi", "metode agregasi", "tipe agregasi");
        Add(IndicatorField.Min, "min", "minimum", "nilai min", "nilai minimum", "batas bawah");
        Add(IndicatorField.Max, "max", "maks", "maksimum", "nilai max", "nilai maks", "nilai maksimum", "batas atas");
        Add(IndicatorField.TargetTahunan, "target tahunan", "target", "target tahun", "target pk", "target setahun");
        string[] roman = ["i", "ii", "iii", "iv"];
        IndicatorField[] quarters = [IndicatorField.TargetQ1, IndicatorField.TargetQ2, IndicatorField.TargetQ3, IndicatorField.TargetQ4];
        for (int q = 0; q < 4; q++)
        {
            foreach (string n in new[] { roman[q], (q + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                Add(quarters[q], $"tw {n}", $"trw {n}", $"triwulan {n}", $"target tw {n}", $"target trw {n}", $"target triwulan {n}");
            }

            Add(quarters[q], $"q{q + 1}", $"target q{q + 1}");
        }

        return aliases;
    }

    [GeneratedRegex(@"\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex Note();

    /// <summary>"Target 2026", "Target Tahun 2026".</summary>
    [GeneratedRegex(@"^target(tahun)?(19|20|21)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex YearTarget();
}
