using System.Globalization;
using SakipServerless.Core.Periods;

namespace SakipServerless.Core.Templates;

/// <summary>
/// When a template's runs start by themselves: day <see cref="Day"/> of the first month of every triwulan, semester or
/// year, at <see cref="Time"/> on the office clock (e.g. seed 000's "setiap tanggal 10 awal Triwulan").
/// </summary>
/// <remarks>
/// <para>The moment is in working-time terms: when the day is a weekend, libur nasional, cuti bersama or libur daerah,
/// or the time falls outside office hours, the run starts at the next opening of the office (10 October 2026, a
/// Saturday, becomes Monday 12 October at 07:30). It never moves earlier: the disposition cannot be given before the day
/// the SOP names.</para>
/// <para>A start at the beginning of a period collects the data of the period that just ended (<see cref="Serves"/> = <see cref="SchedulePeriod.Previous"/>,
/// the default): realisasi of triwulan I is known in April, and the January start serves triwulan IV, the yearly report.</para>
/// </remarks>
public sealed record StartSchedule
{
    /// <summary>How often runs start: every triwulan (January, April, July, October), semester (January, July) or year (January).</summary>
    public required PeriodKind Every { get; init; }

    /// <summary>Day of the period's first month, 1–28 so that every month has it.</summary>
    public required int Day { get; init; }

    /// <summary>Office clock time <c>HH:mm</c>; null means the office's opening.</summary>
    public string? Time { get; init; }

    /// <summary>Which reporting period the started run serves.</summary>
    public SchedulePeriod Serves { get; init; } = SchedulePeriod.Previous;

    /// <summary>The document's own wording, kept so a reviewer sees what the schedule was read from.</summary>
    public string? Source { get; init; }

    /// <summary>The first months of the periods this schedule starts in.</summary>
    public IReadOnlyList<int> Months() => Every switch
    {
        PeriodKind.Triwulan => [1, 4, 7, 10],
        PeriodKind.Semester => [1, 7],
        _ => [1],
    };

    /// <summary>The reporting period a start in <paramref name="month"/> of <paramref name="year"/> serves.</summary>
    public Period PeriodFor(int year, int month)
    {
        int quarter = (month - 1) / 3 + 1;
        if (Serves == SchedulePeriod.Current)
        {
            return new Period(year, quarter);
        }

        return quarter == 1 ? new Period(year - 1, 4) : new Period(year, quarter - 1);
    }

    /// <summary>The parsed <see cref="Time"/>; false when it is set but not a valid <c>HH:mm</c>.</summary>
    public bool TryGetTime(out TimeOnly? time)
    {
        time = null;
        if (Time is null)
        {
            return true;
        }

        if (TimeOnly.TryParseExact(Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A short Indonesian description for history and the UI, e.g. "tanggal 10 awal setiap triwulan".</summary>
    public string Describe()
    {
        string every = Every switch { PeriodKind.Triwulan => "triwulan", PeriodKind.Semester => "semester", _ => "tahun" };
        string at = Time is null ? "" : $" pukul {Time.Replace(':', '.')}";
        return $"tanggal {Day} awal setiap {every}{at}";
    }
}
