namespace SakipServerless.Core.Capaian;

/// <summary>One predikat: capaian at or above <paramref name="LowerBound"/> (and below the next band up) gets <paramref name="Label"/>.</summary>
/// <param name="Label">The predikat shown to users, e.g. "Sangat Tinggi".</param>
/// <param name="LowerBound">Inclusive lower bound in percent; null only for the bottom band, which takes everything below the others.</param>
/// <param name="Color">Optional dashboard colour as <c>#RRGGBB</c>.</param>
public sealed record PredicateBand(string Label, decimal? LowerBound, string? Color = null);
