using System.Text.RegularExpressions;
using SakipServerless.Importer.Steps;

namespace SakipServerless.Importer.Table;

/// <summary>Classifies header cells in their spellings: Kegiatan / Uraian Prosedur / Aktivitas / Tahapan Kegiatan, Kelengkapan / Persyaratan, Waktu (menit), Output / Ouput ….</summary>
internal static partial class TableHeaderNames
{
    /// <summary>What a header cell names; <see cref="HeaderName.Unknown"/> for text that is none of the known columns (an actor's title).</summary>
    public static HeaderName Classify(string key, out WaktuUnit unit)
    {
        unit = WaktuUnit.Unspecified;
        if (key.Length == 0)
        {
            return HeaderName.Empty;
        }

        if (No().IsMatch(key)) return HeaderName.No;
        if (Activity().IsMatch(key)) return HeaderName.Activity;
        if (Pelaksana().IsMatch(key)) return HeaderName.Pelaksana;
        if (Mutu().IsMatch(key)) return HeaderName.MutuBaku;
        if (Kelengkapan().IsMatch(key)) return HeaderName.Kelengkapan;
        if (Output().IsMatch(key)) return HeaderName.Output;
        if (Keterangan().IsMatch(key)) return HeaderName.Keterangan;
        var waktu = Waktu().Match(key);
        if (waktu.Success)
        {
            string u = waktu.Groups["unit"].Value;
            unit = u.StartsWith("menit", StringComparison.Ordinal) || u == "mnt" ? WaktuUnit.Minutes
                : u == "jam" ? WaktuUnit.Hours
                : u.StartsWith("hari", StringComparison.Ordinal) ? WaktuUnit.Days
                : WaktuUnit.Unspecified;
            return HeaderName.Waktu;
        }

        return HeaderName.Unknown;
    }

    [GeneratedRegex(@"^(?:no\.?|nomor|no\.?\s*urut)$", RegexOptions.CultureInvariant)]
    private static partial Regex No();

    [GeneratedRegex(@"^(?:kegiatan|uraian(?:\s+(?:prosedur|kegiatan|aktivitas|pekerjaan))?|aktivitas|aktifitas|tahapan(?:\s+kegiatan)?|prosedur|langkah(?:\s+kegiatan)?|kegiatan/aktivitas|aktivitas/kegiatan)$", RegexOptions.CultureInvariant)]
    private static partial Regex Activity();

    [GeneratedRegex(@"^pelaksana(?:an)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pelaksana();

    [GeneratedRegex(@"^mutu(?:\s+baku)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Mutu();

    [GeneratedRegex(@"^(?:persyaratan/kelengkapan|kelengkapan/persyaratan|kelengkapan(?:\s+dokumen)?|persyaratan|syarat|input)$", RegexOptions.CultureInvariant)]
    private static partial Regex Kelengkapan();

    [GeneratedRegex(@"^(?:output|ouput|outpu|out\s*put|keluaran|hasil|output/hasil)$", RegexOptions.CultureInvariant)]
    private static partial Regex Output();

    [GeneratedRegex(@"^(?:keterangan|ket\.?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Keterangan();

    [GeneratedRegex(@"^(?:waktu|durasi|jangka\s+waktu|lama\s+waktu|waktu\s+penyelesaian)(?:\s*\(\s*(?<unit>menit|mnt|jam|hari)\s*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Waktu();
}
