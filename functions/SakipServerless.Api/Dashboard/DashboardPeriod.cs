using SakipServerless.Core.Capaian;
using SakipServerless.Core.Periods;

namespace SakipServerless.Api.Dashboard;

/// <summary>The reporting period a dashboard is sliced by: a triwulan, a semester or the year.</summary>
/// <remarks>
/// Keys extend the run period key (<c>2026-Q1</c>) so a URL slicer reads the same everywhere:
/// <c>2026-Q1</c>…<c>2026-Q4</c>, <c>2026-S1</c>, <c>2026-S2</c>, and <c>2026-Y</c> (or plain <c>2026</c>) for tahunan.
/// </remarks>
public sealed record DashboardPeriod(RekapPeriod Rekap)
{
    public int Year => Rekap.Year;

    /// <summary>Canonical key, e.g. <c>2026-Q1</c>, <c>2026-S2</c>, <c>2026-Y</c>.</summary>
    public string Key => KeyOf(Rekap);

    public static DashboardPeriod Tahunan(int year) => new(RekapPeriod.Tahunan(year));

    public static string KeyOf(RekapPeriod period) => period.Kind switch
    {
        PeriodKind.Triwulan => $"{period.Year}-Q{period.Index}",
        PeriodKind.Semester => $"{period.Year}-S{period.Index}",
        _ => $"{period.Year}-Y",
    };

    public static bool TryParse(string? text, out DashboardPeriod period)
    {
        period = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = text.Trim().ToUpperInvariant();
        if (key.Length < 4 || !int.TryParse(key.AsSpan(0, 4), System.Globalization.NumberStyles.None, null, out int year) || year is < 2000 or > 2100)
        {
            return false;
        }

        var rest = key[4..];
        RekapPeriod? rekap = rest switch
        {
            "" or "-Y" => RekapPeriod.Tahunan(year),
            "-Q1" or "-Q2" or "-Q3" or "-Q4" => RekapPeriod.Triwulan(year, rest[2] - '0'),
            "-S1" or "-S2" => RekapPeriod.Semester(year, rest[2] - '0'),
            _ => null,
        };
        if (rekap is null)
        {
            return false;
        }

        period = new DashboardPeriod(rekap);
        return true;
    }

    public DashboardPeriodView ToView() => new(Key, Rekap.Kind, Rekap.Index, Rekap.Label, Rekap.Triwulans);
}

/// <summary>The period of a read model as the API shows it.</summary>
public sealed record DashboardPeriodView(string Key, PeriodKind Kind, int Index, string Label, IReadOnlyList<int> Triwulans);
