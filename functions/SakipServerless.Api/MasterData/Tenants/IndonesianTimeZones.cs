namespace SakipServerless.Api.MasterData.Tenants;

/// <summary>
/// The zones a pemda may be in. Only Indonesia's IANA zones are accepted, not any zone the host resolves: the
/// working calendar (office hours, libur nasional, cuti bersama) is Indonesia's, so a foreign zone is always a
/// mistake, and a typo such as Asia/Singapore would silently move every deadline. Asia/Pontianak is WIB for
/// Kalimantan Barat and is kept as the pemda wrote it. WIB/WITA/WIT are accepted as input and stored as IANA ids.
/// </summary>
public static class IndonesianTimeZones
{
    private static readonly (string Iana, string Label)[] Zones =
    [
        ("Asia/Jakarta", "WIB"),
        ("Asia/Pontianak", "WIB"),
        ("Asia/Makassar", "WITA"),
        ("Asia/Jayapura", "WIT"),
    ];

    public const string Allowed = "Asia/Jakarta (WIB), Asia/Pontianak (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)";

    /// <summary>The IANA id for an IANA id or WIB/WITA/WIT in any case; null when it is not an Indonesian zone.</summary>
    public static string? Normalize(string? input)
    {
        string text = input?.Trim() ?? "";
        foreach (var (iana, label) in Zones)
        {
            if (string.Equals(text, iana, StringComparison.OrdinalIgnoreCase))
            {
                return iana;
            }
        }

        // A label names the zone of its main city; Pontianak is only chosen by its IANA id.
        return Zones.FirstOrDefault(z => string.Equals(text, z.Label, StringComparison.OrdinalIgnoreCase)).Iana;
    }

    /// <summary>Whether the host's time-zone data knows the zone (the calendar is built from it).</summary>
    public static bool Resolves(string iana)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(iana);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static string LabelOf(string iana) =>
        Zones.FirstOrDefault(z => string.Equals(z.Iana, iana, StringComparison.OrdinalIgnoreCase)).Label ?? iana;
}
