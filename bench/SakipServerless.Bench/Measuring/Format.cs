using System.Globalization;

namespace SakipServerless.Bench.Measuring;

/// <summary>Number formats of the report (invariant culture, thousands separated).</summary>
public static class Format
{
    public static string Rate(double perSecond) => perSecond.ToString(perSecond >= 100 ? "#,0" : "#,0.0", CultureInfo.InvariantCulture) + "/s";

    public static string Ms(double ms) => ms.ToString(ms >= 100 ? "#,0" : ms >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + " ms";

    public static string Mb(double mb) => mb.ToString("#,0.0", CultureInfo.InvariantCulture) + " MB";

    public static string MbPerSecond(double mbps) => mbps.ToString("#,0", CultureInfo.InvariantCulture) + " MB/s";

    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Ratio(double r) => r.ToString("0.00", CultureInfo.InvariantCulture);
}
