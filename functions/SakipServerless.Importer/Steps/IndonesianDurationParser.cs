using System.Globalization;
using System.Text.RegularExpressions;
using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Reads the Waktu of a step as Indonesian documents write it ("15 Menit", "1 jam", "2 (dua) hari", "1,5 jam",
/// "480" under a "Waktu (menit)" header) into the schema's ISO 8601 form, keeping the unit as written
/// ("60 Menit" stays PT60M, so the template reads like the document). Text that names several durations for
/// different report periods ("1 Hari untuk Laporan Triwulan dan 15 Hari untuk Laporan Tahunan") becomes one
/// duration per period kind; the triwulan (or unlabelled) one is the default.
/// </summary>
internal static partial class IndonesianDurationParser
{
    /// <summary>A working week and month counted in working days; used only when a document writes weeks or months.</summary>
    private const int DaysPerWeek = 5;
    private const int DaysPerMonth = 20;

    private static readonly Dictionary<string, decimal> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["setengah"] = 0.5m, ["satu setengah"] = 1.5m, ["satu"] = 1, ["dua"] = 2, ["tiga"] = 3, ["empat"] = 4, ["lima"] = 5,
        ["enam"] = 6, ["tujuh"] = 7, ["delapan"] = 8, ["sembilan"] = 9, ["sepuluh"] = 10, ["sebelas"] = 11,
        ["dua belas"] = 12, ["lima belas"] = 15, ["dua puluh"] = 20, ["tiga puluh"] = 30, ["empat puluh lima"] = 45,
        ["enam puluh"] = 60, ["sehari"] = 1, ["sejam"] = 1,
    };

    public static bool HasExplicitUnit(string text) => Amount().IsMatch(text) || WordAmount().IsMatch(text);

    public static DurationReading Parse(string? text, WaktuUnit headerUnit = WaktuUnit.Unspecified)
    {
        string t = (text ?? "").Trim();
        if (t.Length == 0)
        {
            return new(null, "kolom Waktu kosong.");
        }

        var pieces = FindPieces(t);
        if (pieces.Count == 0)
        {
            return ParseBareNumber(t, headerUnit);
        }

        // A text labels all its amounts the same way: either "Triwulan: 2 hari; Tahunan: 10 hari" or "1 Hari untuk … Triwulan".
        bool labelsFirst = PeriodIn(t[..pieces[0].Start]) is not null;
        var periods = pieces.Select(p => PeriodNear(t, p, pieces, labelsFirst)).ToList();
        if (pieces.Count > 1 && periods.Any(p => p is not null) && periods.Distinct().Count() > 1)
        {
            return PerPeriod(t, pieces, periods);
        }

        if (pieces.Count > 1)
        {
            var longest = pieces.MaxBy(p => p.ApproxMinutes)!;
            return new(new StepDuration(longest.Iso), $"waktu '{t}' memuat beberapa nilai; diambil yang terpanjang ({longest.Iso}).");
        }

        var only = pieces[0];
        return new(new StepDuration(only.Iso), only.Note is null ? null : $"waktu '{t}': {only.Note}");
    }

    private static DurationReading ParseBareNumber(string t, WaktuUnit headerUnit)
    {
        var bare = BareNumber().Match(t);
        if (!bare.Success)
        {
            return new(null, $"waktu '{t}' tidak terbaca sebagai lama waktu (mis. 15 Menit, 1 Jam, 2 Hari).");
        }

        decimal value = decimal.Parse(bare.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        if (headerUnit == WaktuUnit.Unspecified)
        {
            return new(null, $"waktu '{t}' tanpa satuan dan judul kolom tidak menyebut satuan (menit/jam/hari).");
        }

        var piece = ToPiece(value, headerUnit, 0, 0);
        return piece is null
            ? new(null, $"waktu '{t}' bernilai nol.")
            : new(new StepDuration(piece.Iso), piece.Note is null ? null : $"waktu '{t}': {piece.Note}");
    }

    private static DurationReading PerPeriod(string t, List<Piece> pieces, List<string?> periods)
    {
        int defaultAt = periods.IndexOf(null);
        if (defaultAt < 0)
        {
            defaultAt = periods.IndexOf("triwulan");
        }

        if (defaultAt < 0)
        {
            defaultAt = 0;
        }

        string? semester = null, tahunan = null, triwulan = null;
        for (int i = 0; i < pieces.Count; i++)
        {
            if (i == defaultAt)
            {
                continue;
            }

            switch (periods[i])
            {
                case "semester": semester ??= pieces[i].Iso; break;
                case "tahunan": tahunan ??= pieces[i].Iso; break;
                case "triwulan": triwulan ??= pieces[i].Iso; break;
            }
        }

        return new(new StepDuration(pieces[defaultAt].Iso, triwulan, semester, tahunan));
    }

    /// <summary>The period a piece is written for: named right before it ("Tahunan: 15 hari") or right after it ("1 Hari untuk Laporan Triwulan").</summary>
    private static string? PeriodNear(string text, Piece piece, List<Piece> all, bool labelsFirst)
    {
        int next = all.Where(p => p.Start > piece.Start).Select(p => p.Start).DefaultIfEmpty(text.Length).Min();
        int previous = all.Where(p => p.Start < piece.Start).Select(p => p.End).DefaultIfEmpty(0).Max();
        return labelsFirst ? PeriodIn(text[previous..piece.Start]) : PeriodIn(text[piece.End..next]);
    }

    private static string? PeriodIn(string text)
    {
        var m = PeriodWord().Match(text);
        if (!m.Success)
        {
            return null;
        }

        return m.Groups["tw"].Success ? "triwulan" : m.Groups["sm"].Success ? "semester" : "tahunan";
    }

    private static List<Piece> FindPieces(string t)
    {
        var pieces = new List<Piece>();
        foreach (Match m in Amount().Matches(t))
        {
            decimal value = decimal.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            if (m.Groups["from"].Success)
            {
                // "1 - 2 hari": a range; the upper bound is the limit.
                value = Math.Max(value, decimal.Parse(m.Groups["from"].Value.Replace(',', '.'), CultureInfo.InvariantCulture));
            }

            string unit = m.Groups["unit"].Value.ToLowerInvariant();
            string? note = m.Groups["from"].Success ? "rentang waktu; diambil batas atasnya." : null;
            if (unit is "minggu" or "pekan" or "bulan")
            {
                // Weeks and months become working days; the reviewer is told, since a month is not a fixed count.
                value *= unit == "bulan" ? DaysPerMonth : DaysPerWeek;
                note = unit == "bulan" ? $"1 bulan dihitung {DaysPerMonth} hari kerja." : $"1 minggu dihitung {DaysPerWeek} hari kerja.";
            }

            if (ToPiece(value, UnitOf(unit), m.Index, m.Index + m.Length) is { } p)
            {
                pieces.Add(note is null ? p : p with { Note = note });
            }
        }

        foreach (Match m in WordAmount().Matches(t))
        {
            if (pieces.Any(p => m.Index < p.End && p.Start < m.Index + m.Length))
            {
                continue;
            }

            string word = m.Groups["w"].Value.ToLowerInvariant();
            decimal value = NumberWords.TryGetValue(word, out var v) ? v : 1;
            string unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : word == "sehari" ? "hari" : "jam";
            if (ToPiece(value, UnitOf(unit), m.Index, m.Index + m.Length) is { } p)
            {
                pieces.Add(p);
            }
        }

        return [.. pieces.OrderBy(p => p.Start)];
    }

    private static WaktuUnit UnitOf(string unit) => unit.ToLowerInvariant() switch
    {
        "menit" or "mnt" or "mn" => WaktuUnit.Minutes,
        "jam" => WaktuUnit.Hours,
        _ => WaktuUnit.Days,
    };

    private static Piece? ToPiece(decimal value, WaktuUnit unit, int start, int end)
    {
        if (value <= 0)
        {
            return null;
        }

        return unit switch
        {
            WaktuUnit.Minutes => new Piece($"PT{Math.Ceiling(value)}M", (int)Math.Ceiling(value), start, end),
            WaktuUnit.Hours when value == Math.Floor(value) => new Piece($"PT{value}H", (int)(value * 60), start, end),
            WaktuUnit.Hours => new Piece($"PT{Math.Ceiling(value * 60)}M", (int)Math.Ceiling(value * 60), start, end),
            _ when value != Math.Floor(value) => new Piece($"P{Math.Ceiling(value)}D", (int)Math.Ceiling(value) * 480, start, end, "pecahan hari dibulatkan ke atas."),
            _ => new Piece($"P{value}D", (int)value * 480, start, end),
        };
    }

    /// <summary>One duration found in the text; <see cref="ApproxMinutes"/> only orders pieces (a day as 8 office hours).</summary>
    private sealed record Piece(string Iso, int ApproxMinutes, int Start, int End, string? Note = null);

    [GeneratedRegex(@"(?:(?<from>\d+(?:[.,]\d+)?)\s*(?:-|–|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*)?(?<n>\d+(?:[.,]\d+)?)\s*(?:\([\p{L}\s]+\)\s*)?(?<unit>menit|mnt|mn|jam|hari|hr|minggu|pekan|bulan)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(?:(?<w>satu setengah|empat puluh lima|dua belas|lima belas|dua puluh|tiga puluh|enam puluh|setengah|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas)\s+(?<unit>menit|jam|hari)|(?<w>sehari|sejam))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordAmount();

    [GeneratedRegex(@"^(?<n>\d+(?:[.,]\d+)?)\s*'?$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"(?<tw>triwulan|kuartal|caturwulan)|(?<sm>semester)|(?<th>tahunan|setiap\s+tahun|per\s+tahun|akhir\s+tahun)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodWord();
}
