using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace SakipServerless.Core.Calendar;

/// <summary>An immutable set of days off (libur nasional, cuti bersama, libur daerah) and the decrees that set them, per year.</summary>
/// <remarks>
/// A year counts as covered only when its official data (a decree and its lists) is loaded; adding libur daerah
/// with <see cref="With"/> does not make a year covered. Dates in uncovered years simply have no holidays, so callers
/// that plan far ahead should check <see cref="Covers"/>.
/// </remarks>
public sealed class HolidayCalendar
{
    private const string ResourcePrefix = "SakipServerless.Core.Calendar.Holidays.";

    private static readonly Lazy<HolidayCalendar> BundledIndonesia = new(LoadBundled);

    private readonly FrozenDictionary<DateOnly, Holiday> _byDate;
    private readonly FrozenDictionary<int, string> _decrees;

    internal HolidayCalendar(IEnumerable<Holiday> entries, IEnumerable<KeyValuePair<int, string>> decrees)
    {
        // Sorted by date then kind, so the first entry of a date is the one with the highest precedence.
        var sorted = entries
            .Distinct()
            .OrderBy(h => h.Date)
            .ThenBy(h => h.Kind)
            .ThenBy(h => h.Name, StringComparer.Ordinal)
            .ToArray();
        Entries = Array.AsReadOnly(sorted);
        _byDate = sorted.GroupBy(h => h.Date).ToFrozenDictionary(g => g.Key, g => g.First());
        _decrees = decrees.ToFrozenDictionary();
        Years = Array.AsReadOnly(_decrees.Keys.Order().ToArray());
    }

    /// <summary>Every bundled year of Indonesian libur nasional and cuti bersama, read once from the embedded files.</summary>
    public static HolidayCalendar Indonesia => BundledIndonesia.Value;

    /// <summary>No holidays and no years: only weekends and closed days stop work.</summary>
    public static HolidayCalendar Empty { get; } = new([], []);

    /// <summary>The years whose official data is loaded, ascending.</summary>
    public IReadOnlyCollection<int> Years { get; }

    /// <summary>Every entry, ordered by date and kind; a date may appear more than once (e.g. a libur daerah on a national holiday).</summary>
    public IReadOnlyList<Holiday> Entries { get; }

    /// <summary>Reads one year's file in the bundled format (<c>Calendar/Holidays/hari-libur-YYYY.json</c>).</summary>
    /// <exception cref="FormatException">The text is not JSON or breaks the format; the message says where.</exception>
    public static HolidayCalendar FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return HolidayYearFile.Parse(json);
    }

    /// <summary>This calendar plus <paramref name="extra"/> days off, e.g. a pemda's own libur daerah.</summary>
    /// <exception cref="ArgumentException">An entry is null, has no name, or has an unknown kind.</exception>
    public HolidayCalendar With(IEnumerable<Holiday> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var added = extra.ToArray();
        foreach (var holiday in added)
        {
            if (holiday is null)
            {
                throw new ArgumentException("A holiday entry is null.", nameof(extra));
            }

            if (string.IsNullOrWhiteSpace(holiday.Name))
            {
                throw new ArgumentException($"The holiday on {holiday.Date:yyyy-MM-dd} has no name.", nameof(extra));
            }

            if (!Enum.IsDefined(holiday.Kind))
            {
                throw new ArgumentException($"The holiday on {holiday.Date:yyyy-MM-dd} has an unknown kind {(int)holiday.Kind}.", nameof(extra));
            }
        }

        return added.Length == 0 ? this : new HolidayCalendar(Entries.Concat(added), _decrees);
    }

    /// <summary>The union of both calendars' days off and years.</summary>
    /// <remarks>Where both cover a year, its days off are united and this calendar's decree text is kept.</remarks>
    public HolidayCalendar Merge(HolidayCalendar other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var decrees = new Dictionary<int, string>(_decrees);
        foreach (var (year, decree) in other._decrees)
        {
            decrees.TryAdd(year, decree);
        }

        return new HolidayCalendar(Entries.Concat(other.Entries), decrees);
    }

    /// <summary>Whether the date is a day off of any kind.</summary>
    public bool IsHoliday(DateOnly date) => _byDate.ContainsKey(date);

    /// <summary>The day off on that date (libur nasional before cuti bersama before libur daerah), or null.</summary>
    public Holiday? Find(DateOnly date) => _byDate.GetValueOrDefault(date);

    /// <summary>Whether the official data for that year is loaded.</summary>
    public bool Covers(int year) => _decrees.ContainsKey(year);

    /// <summary>The official decree (SKB) that sets that year's days off, or null when the year is not covered.</summary>
    public string? DecreeFor(int year) => _decrees.GetValueOrDefault(year);

    /// <inheritdoc />
    public override string ToString() =>
        Years.Count == 0 ? $"HolidayCalendar (no years, {Entries.Count} entries)" : $"HolidayCalendar {string.Join(", ", Years)} ({Entries.Count} entries)";

    private static HolidayCalendar LoadBundled()
    {
        var assembly = typeof(HolidayCalendar).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (names.Length == 0)
        {
            throw new InvalidOperationException($"No holiday files are embedded under {ResourcePrefix}; check the csproj's EmbeddedResource item.");
        }

        var entries = new List<Holiday>();
        var decrees = new Dictionary<int, string>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            HolidayCalendar year;
            try
            {
                year = HolidayYearFile.Parse(reader.ReadToEnd());
            }
            catch (FormatException e)
            {
                // A broken bundled file is a build defect, not bad user input.
                throw new InvalidOperationException($"Embedded holiday file {name} is invalid: {e.Message}", e);
            }

            foreach (var (y, decree) in year._decrees)
            {
                if (!decrees.TryAdd(y, decree))
                {
                    throw new InvalidOperationException($"Year {y} is embedded twice (again in {name}).");
                }
            }

            entries.AddRange(year.Entries);
        }

        return new HolidayCalendar(entries, decrees);
    }
}
