using System.Text.RegularExpressions;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Reads a start schedule from the procedure's wording, as seed 000's first step writes it: "setiap tanggal 10 awal
/// Triwulan". Only that shape (a day of the month at the beginning of a triwulan, semester or year) becomes a
/// schedule; other phrases that look like one ("paling lambat tanggal 5", "setiap awal bulan") are reported, not guessed.
/// </summary>
internal static partial class StartScheduleReader
{
    /// <summary>The schedule found in <paramref name="text"/>, or null; <paramref name="problem"/> names a schedule-like phrase that could not be read.</summary>
    public static StartSchedule? Read(string text, out string? phrase, out string? problem)
    {
        problem = null;
        phrase = null;
        var m = DayAtPeriodStart().Match(text);
        if (m.Success)
        {
            phrase = m.Value;
            int day = int.Parse(m.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (day is < 1 or > 28)
            {
                problem = $"\"{phrase}\" tampaknya jadwal mulai, tetapi tanggal {day} tidak ada di setiap bulan (jadwal hanya untuk tanggal 1–28); isi schedule secara manual.";
                return null;
            }

            string every = m.Groups["every"].Value.ToLowerInvariant();
            return new StartSchedule
            {
                Every = every.StartsWith("triwulan", StringComparison.Ordinal) ? PeriodKind.Triwulan
                    : every.StartsWith("semester", StringComparison.Ordinal) ? PeriodKind.Semester
                    : PeriodKind.Tahunan,
                Day = day,
                Serves = SchedulePeriod.Previous,
                Source = phrase,
            };
        }

        var like = ScheduleLike().Match(text);
        if (like.Success)
        {
            phrase = like.Value;
            problem = $"\"{phrase}\" tampaknya menyebut kapan pekerjaan dimulai, tetapi tidak dapat dibaca sebagai jadwal mulai (tanggal N awal triwulan, semester atau tahun); isi schedule secara manual bila pelaksanaan dimulai otomatis.";
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:setiap|tiap|pada)\s+tanggal\s+(?<day>\d{1,2})\s+(?:pada\s+)?(?:awal|bulan\s+pertama)\s+(?:setiap\s+|tiap\s+)?(?<every>triwulan|semester(?:an)?|tahun(?:an)?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayAtPeriodStart();

    [GeneratedRegex(@"\b(?:(?:setiap|tiap|paling\s+lambat|sebelum|mulai)\s+tanggal\s+\d{1,2}[^,.;]{0,40}|(?:setiap|tiap)\s+awal\s+(?:bulan|minggu|triwulan|semester|tahun)\w*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScheduleLike();
}
