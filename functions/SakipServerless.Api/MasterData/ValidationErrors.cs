using SakipServerless.Api.Errors;

namespace SakipServerless.Api.MasterData;

/// <summary>Collects field → messages while a request is checked, so one answer lists every problem at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public IResult ToProblem(string? detail = null) =>
        Problems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), detail);
}
