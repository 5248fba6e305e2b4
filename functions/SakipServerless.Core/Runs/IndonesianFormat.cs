namespace SakipServerless.Core.Runs;

/// <summary>
/// Dates as Indonesian civil servants write them ("Senin, 12 Januari 2026 10:15 WITA"). Written out by hand
/// rather than through CultureInfo("id-ID") so the text does not depend on the host's ICU data.
/// </summary>
public static class IndonesianFormat
{
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    /// <summary>WIB, WITA or WIT for Indonesia's offsets; otherwise UTC±h.</summary>
    public static string ZoneAbbreviation(TimeSpan offset) => offset.TotalHours switch
    {
        7 => "WIB",
        8 => "WITA",
        9 => "WIT",
        _ => offset < TimeSpan.Zero ? $"UTC-{offset:hh\\:mm}" : $"UTC+{offset:hh\\:mm}",
    };

    public static string DateTime(DateTimeOffset at) =>
        $"{Days[(int)at.DayOfWeek]}, {at.Day} {Months[at.Month - 1]} {at.Year} {at:HH\\:mm} {ZoneAbbreviation(at.Offset)}";

    public static string Date(DateOnly date) => $"{Days[(int)date.DayOfWeek]}, {date.Day} {Months[date.Month - 1]} {date.Year}";

    /// <summary>A file size with a decimal comma: "870 byte", "512 KB", "2,4 MB" (binary multiples, as file managers show them).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} byte",
        < 1024 * 1024 => $"{Math.Round(bytes / 1024d, 0, MidpointRounding.AwayFromZero):0} KB",
        _ => $"{Math.Round(bytes / (1024d * 1024d), 1, MidpointRounding.AwayFromZero):0.#} MB".Replace('.', ','),
    };
}
