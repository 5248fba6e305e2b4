using System.Text.RegularExpressions;

namespace SakipServerless.Core.Capaian;

/// <summary>A tenant's predikat scale: bands by descending lower bound, ending in an open bottom band.</summary>
/// <remarks>
/// Bands are defined by lower bounds only, so they are contiguous by construction: there is no gap
/// between "≥ 76" and "≥ 91" into which 90.5 could fall, and no top limit above which a value has no predikat.
/// </remarks>
public sealed partial record PredicateBands
{
    private readonly PredicateBand[] _bands;

    /// <summary>Validates and keeps the bands; messages are in Bahasa Indonesia because tenant admins configure these.</summary>
    public PredicateBands(IEnumerable<PredicateBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        _bands = [.. bands];
        Validate(_bands);
    }

    /// <summary>The bands, highest first.</summary>
    public IReadOnlyList<PredicateBand> Bands => _bands;

    /// <summary>The common LKjIP scale: ≥91 Sangat Tinggi, ≥76 Tinggi, ≥66 Sedang, ≥51 Rendah, else Sangat Rendah.</summary>
    public static PredicateBands Default { get; } = new(
    [
        new("Sangat Tinggi", 91m, "#1B5E20"),
        new("Tinggi", 76m, "#43A047"),
        new("Sedang", 66m, "#FDD835"),
        new("Rendah", 51m, "#FB8C00"),
        new("Sangat Rendah", null, "#E53935"),
    ]);

    /// <summary>The band <paramref name="capaian"/> (in percent) falls into; always one, thanks to the open bottom band.</summary>
    public PredicateBand Classify(decimal capaian)
    {
        foreach (var band in _bands)
        {
            if (band.LowerBound is not { } lower || capaian >= lower)
            {
                return band;
            }
        }

        // Unreachable: validation guarantees the last band is open.
        throw new InvalidOperationException("Predicate bands lack a bottom band.");
    }

    // Value equality over the band list, so two settings with the same scale compare equal.
    public bool Equals(PredicateBands? other) =>
        other is not null && _bands.AsSpan().SequenceEqual(other._bands);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var band in _bands)
        {
            hash.Add(band);
        }

        return hash.ToHashCode();
    }

    private static void Validate(PredicateBand[] bands)
    {
        if (bands.Length == 0)
        {
            throw new ArgumentException("Minimal satu predikat harus ditetapkan.", nameof(bands));
        }

        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < bands.Length; i++)
        {
            var band = bands[i] ?? throw new ArgumentException("Predikat tidak boleh kosong.", nameof(bands));
            if (string.IsNullOrWhiteSpace(band.Label))
            {
                throw new ArgumentException("Nama predikat tidak boleh kosong.", nameof(bands));
            }

            if (!labels.Add(band.Label.Trim()))
            {
                throw new ArgumentException($"Predikat '{band.Label}' ditetapkan lebih dari sekali.", nameof(bands));
            }

            if (band.Color is not null && !HexColor().IsMatch(band.Color))
            {
                throw new ArgumentException($"Warna predikat '{band.Label}' harus berformat #RRGGBB.", nameof(bands));
            }

            bool isBottom = i == bands.Length - 1;
            if (isBottom && band.LowerBound is not null)
            {
                throw new ArgumentException(
                    $"Predikat terbawah ('{band.Label}') harus tanpa batas bawah agar setiap capaian mendapat predikat.", nameof(bands));
            }

            if (!isBottom && band.LowerBound is null)
            {
                throw new ArgumentException(
                    $"Hanya predikat terbawah yang boleh tanpa batas bawah; '{band.Label}' bukan yang terbawah.", nameof(bands));
            }

            if (i > 0 && !isBottom && band.LowerBound >= bands[i - 1].LowerBound)
            {
                throw new ArgumentException(
                    $"Batas bawah predikat harus urut menurun tanpa duplikat: '{bands[i - 1].Label}' ({IndonesianNumber.ToText(bands[i - 1].LowerBound!.Value)}) lalu '{band.Label}' ({IndonesianNumber.ToText(band.LowerBound!.Value)}).",
                    nameof(bands));
            }
        }
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex HexColor();
}
