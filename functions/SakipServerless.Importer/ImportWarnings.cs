namespace SakipServerless.Importer;

/// <summary>Collects what the importer could not read with confidence, in Bahasa Indonesia, in the order found, without repeats.</summary>
internal sealed class ImportWarnings
{
    private readonly List<string> _items = [];

    public void Add(string message)
    {
        if (!_items.Contains(message))
        {
            _items.Add(message);
        }
    }

    public void ForStep(int no, string message) => Add($"Langkah {no}: {message}");

    public IReadOnlyList<string> ToList() => [.. _items];
}
