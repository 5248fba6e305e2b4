namespace SakipServerless.Core.Capaian;

/// <summary>What a satuan implies for a submitted realisasi: an upper bound and whether it must be a whole number.</summary>
/// <param name="Max">Largest valid value unless the indicator sets its own range; null when unbounded.</param>
/// <param name="WholeNumber">True for counts (dokumen, orang, kejadian …): half a document is a typo.</param>
public sealed record SatuanRule(decimal? Max, bool WholeNumber);
