using System.Globalization;
using System.Text.RegularExpressions;

namespace SakipServerless.Core.Calendar;

/// <summary>
/// A step's time limit (waktu) as the SOP writes it: whole days plus minutes.
/// Days and minutes stay apart because they count differently: "1 hari" is one working day later
/// at the same office clock time, never 24 hours of office time; minutes count office minutes.
/// </summary>
public readonly partial record struct WorkDuration(int Days, int Minutes)
{
    public static WorkDuration Zero => default;

    public static WorkDuration FromMinutes(int minutes) => new(0, minutes);

    public static WorkDuration FromDays(int days) => new(days, 0);

    public bool IsZero => Days == 0 && Minutes == 0;

    /// <summary>Parses the ISO 8601 subset the template schema allows: <c>P1D</c>, <c>PT15M</c>, <c>PT1H30M</c>, <c>P2DT4H</c>.</summary>
    public static bool TryParse(string? text, out WorkDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = IsoPattern().Match(text);
        if (!match.Success || text is "P" or "PT")
        {
            return false;
        }

        static int Part(Group g) => g.Success ? int.Parse(g.Value, CultureInfo.InvariantCulture) : 0;
        int days = Part(match.Groups["d"]);
        long minutes = (long)Part(match.Groups["h"]) * 60 + Part(match.Groups["m"]);
        if (minutes > int.MaxValue || (days == 0 && minutes == 0 && !match.Groups["d"].Success && !match.Groups["h"].Success && !match.Groups["m"].Success))
        {
            return false;
        }

        duration = new WorkDuration(days, (int)minutes);
        return true;
    }

    public static WorkDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not an ISO 8601 duration such as PT15M, PT1H or P1D.");

    /// <summary>The ISO 8601 form, e.g. <c>P1DT2H</c>.</summary>
    public override string ToString()
    {
        if (IsZero)
        {
            return "PT0M";
        }

        var text = "P" + (Days > 0 ? $"{Days}D" : "");
        int hours = Minutes / 60, mins = Minutes % 60;
        if (hours > 0 || mins > 0)
        {
            text += "T" + (hours > 0 ? $"{hours}H" : "") + (mins > 0 ? $"{mins}M" : "");
        }

        return text;
    }

    [GeneratedRegex(@"^P(?:(?<d>\d{1,5})D)?(?:T(?:(?<h>\d{1,6})H)?(?:(?<m>\d{1,7})M)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
