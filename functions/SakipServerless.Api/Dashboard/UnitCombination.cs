namespace SakipServerless.Api.Dashboard;

/// <summary>How the values that several units report for one indicator in one triwulan make the OPD's realisasi.</summary>
public enum UnitCombination
{
    /// <summary>Counts (satuan kejadian, dokumen, orang …): each unit counts its own, disjoint occurrences, so they add up.</summary>
    Sum,

    /// <summary>Shares, indices and scores (%, indeks, nilai …): not additive; the unweighted mean of the units.</summary>
    Average,
}
