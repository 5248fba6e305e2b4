namespace SakipServerless.Core.Capaian;

/// <summary>The known satuan and their rules, as one table so adding a satuan is one line.</summary>
public static class SatuanRules
{
    private static readonly SatuanRule Percent = new(Max: 100m, WholeNumber: false);
    private static readonly SatuanRule Count = new(Max: null, WholeNumber: true);

    /// <summary>Rules by satuan, matched case-insensitively after trimming.</summary>
    public static IReadOnlyDictionary<string, SatuanRule> Table { get; } = new Dictionary<string, SatuanRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["%"] = Percent,
        ["persen"] = Percent,
        ["dokumen"] = Count,
        ["orang"] = Count,
        ["kejadian"] = Count,
        ["kali"] = Count,
        ["laporan"] = Count,
        ["kegiatan"] = Count,
        ["kasus"] = Count,
        ["desa"] = Count,
    };

    /// <summary>The rule for <paramref name="satuan"/>, or null when the satuan carries no rule (nilai, indeks, level …).</summary>
    public static SatuanRule? Find(string satuan) =>
        Table.TryGetValue(satuan.Trim(), out var rule) ? rule : null;
}
