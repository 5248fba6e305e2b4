namespace SakipServerless.Dashboard.Api;

/// <summary>An RFC 7807 answer of the backend: the message for the user and, for validation, the field errors.</summary>
/// <param name="Errors">Field path as the backend names it (e.g. <c>realisasi[0].value</c>) → messages in Bahasa Indonesia.</param>
public sealed record ApiProblem(int Status, string? Title, string? Detail, string? Code, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>What to show at the top of a form: the detail, else the title, else a generic sentence.</summary>
    public string Message => Detail ?? Title ?? $"Permintaan gagal (kode {Status}).";

    /// <summary>The message with every field error after it: for places that have no field to show them beside.</summary>
    public string Describe() => Errors.Count == 0 ? Message : $"{Message} {string.Join(" ", Errors.Values.SelectMany(m => m))}";

    public static ApiProblem Unreachable(string detail) =>
        new(503, "Layanan tidak dapat dihubungi", detail, "unreachable", new Dictionary<string, string[]>());
}
