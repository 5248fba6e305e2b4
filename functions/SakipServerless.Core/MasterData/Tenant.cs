namespace SakipServerless.Core.MasterData;

/// <summary>A pemda (kabupaten/kota): the tenant. Its zone and calendar drive every due time; its capaian policy every predicate.</summary>
public sealed record Tenant
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>IANA zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT).</summary>
    public required string TimeZone { get; init; }

    /// <summary>The pemda's own days off (libur daerah) on top of the national calendar.</summary>
    public IReadOnlyList<DateOnly> LiburDaerah { get; init; } = [];

    /// <summary>
    /// Capaian cap in percent (100 or 120); null means no cap, which a pemda chooses explicitly. A new pemda starts
    /// at <see cref="Capaian.CapaianSettings.DefaultCap"/>, so one outlier cannot lift its average past every band.
    /// Null is written out (documents otherwise omit nulls): a stored "no cap" must not read back as the default.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public decimal? CapaianCap { get; init; } = Capaian.CapaianSettings.DefaultCap;
}
