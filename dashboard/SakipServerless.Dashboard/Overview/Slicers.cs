using System.Text;

namespace SakipServerless.Dashboard.Overview;

/// <summary>
/// The dashboard's slicers as they persist in the page URL (<c>?tahun=2026&amp;periode=2026-Q2&amp;opd=…&amp;sasaran=…</c>)
/// and as the backend reads them (<c>year</c>, <c>period</c>, <c>opdId</c>, <c>sasaran</c>). Empty means "all".
/// </summary>
public sealed record Slicers(int? Year, string? Period, string? OpdId, string? Sasaran)
{
    /// <summary>The slicers in a full page URL (an interactive page reads them from NavigationManager.Uri).</summary>
    public static Slicers FromUri(string uri) =>
        From(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(uri).Query)));

    public static Slicers From(IQueryCollection query)
    {
        int? year = int.TryParse(query["tahun"], out int y) && y is >= 2000 and <= 2100 ? y : null;
        string? period = Clean(query["periode"]);
        // A period names its year; a year slicer that disagrees follows the period (the URL may be hand-edited).
        if (period is { Length: >= 4 } && int.TryParse(period.AsSpan(0, 4), out int py))
        {
            year = py;
        }

        return new Slicers(year, period, Clean(query["opd"]), Clean(query["sasaran"]));
    }

    /// <summary>The year shown: the slicer's, else <paramref name="fallback"/> (the current year in the pemda's zone).</summary>
    public int YearOr(int fallback) => Year ?? fallback;

    /// <summary>The period key for the API, defaulting to the whole year.</summary>
    public string PeriodOr(int fallbackYear) => Period ?? $"{YearOr(fallbackYear)}-Y";

    public string ToApiQuery()
    {
        var q = new List<string>();
        if (Year is { } y) q.Add("year=" + y);
        if (Period is not null) q.Add("period=" + Uri.EscapeDataString(Period));
        if (OpdId is not null) q.Add("opdId=" + Uri.EscapeDataString(OpdId));
        if (Sasaran is not null) q.Add("sasaran=" + Uri.EscapeDataString(Sasaran));
        return q.Count == 0 ? "" : "?" + string.Join('&', q);
    }

    /// <summary>A dashboard URL with these slicers.</summary>
    public string Url(string path)
    {
        var q = new StringBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                q.Append(q.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("tahun", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("periode", Period);
        Add("opd", OpdId);
        Add("sasaran", Sasaran);
        return path + q;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
