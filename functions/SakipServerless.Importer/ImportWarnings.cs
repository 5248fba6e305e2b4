using SakipServerless.Core.Templates;

namespace SakipServerless.Importer;

/// <summary>
/// Collects what the importer could not read with confidence, in Bahasa Indonesia, in the order found, without
/// repeats. Readers of .docx and .pdf tell it where each step row sits in the file, so a step's warnings can name
/// the page, row and cell they concern; the text reader has no such places and its warnings carry none.
/// </summary>
internal sealed class ImportWarnings
{
    private readonly List<ImportWarning> _items = [];
    private readonly Dictionary<int, string> _stepPlaces = [];
    private readonly IReadOnlyList<string?> _linePlaces;

    public ImportWarnings(IReadOnlyList<string?>? linePlaces = null) => _linePlaces = linePlaces ?? [];

    public void Add(string message, ImportWarningSeverity severity = ImportWarningSeverity.Advisory, string? field = null, string? location = null)
    {
        if (!_items.Any(w => w.Message == message))
        {
            _items.Add(new ImportWarning(severity, message, location, field));
        }
    }

    public void Blocking(string message, string? field = null) => Add(message, ImportWarningSeverity.Blocking, field);

    /// <summary>Records where the row of step <paramref name="no"/> starts (a line of the source lines).</summary>
    public void Place(int no, int line)
    {
        if (line >= 0 && line < _linePlaces.Count && _linePlaces[line] is { } place)
        {
            _stepPlaces.TryAdd(no, place);
        }
    }

    /// <summary>Where the row of step <paramref name="no"/> sits in the file, when the format has places.</summary>
    public string? PlaceOfStep(int no) => _stepPlaces.GetValueOrDefault(no);

    /// <param name="column">The table column the warning concerns (Waktu, Output …), named in the location.</param>
    public void ForStep(int no, string message, string? column = null, ImportWarningSeverity severity = ImportWarningSeverity.Advisory)
    {
        string? location = _stepPlaces.TryGetValue(no, out var place)
            ? column is null ? place : $"{place}, sel {column}"
            : null;
        Add($"Langkah {no}: {message}", severity, location: location);
    }

    public IReadOnlyList<ImportWarning> ToList() => [.. _items];
}
