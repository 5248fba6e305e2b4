using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Steps;

/// <summary>Step ids from the first words of the activity ("menugaskan-kasubag-kasubid-menyusun"), unique within the template.</summary>
internal sealed class StepIdFactory
{
    private const int Words = 4;

    private static readonly HashSet<string> StopWords =
    [
        "untuk", "dan", "yang", "kepada", "pada", "dengan", "di", "ke", "dari", "serta", "atau", "oleh", "dalam", "sebagai",
        "terkait", "masing-masing", "setiap", "tiap", "melakukan", "dua", "2", "jika", "apabila", "bila",
    ];

    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Create(int no, string activity)
    {
        var words = InlineText.Plain(activity).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('(', ')', ',', '.', ';', ':'))
            .Where(w => w.Length > 0 && !StopWords.Contains(w.ToLowerInvariant()))
            .Take(Words);
        string id = Slug.From(string.Join(' ', words), 60);
        if (id.Length == 0)
        {
            id = $"langkah-{no}";
        }

        string unique = id;
        if (!_used.Add(unique))
        {
            unique = $"{id}-{no}";
            for (int n = 2; !_used.Add(unique); n++)
            {
                unique = $"{id}-{no}-{n}";
            }
        }

        return unique;
    }
}
