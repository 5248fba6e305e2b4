namespace SakipServerless.Api.Dashboard;

/// <summary>
/// Short, unique sheet names for the OPDs of a workbook. Excel allows 31 characters, none of <c>\ / ? * [ ] :</c>, no
/// apostrophe at either end, unique ignoring case; a cut-off "Dinas Pemberdayaan Masyarakat d" helps nobody, so a long
/// name gives way to the OPD's id (pemda ids are its usual abbreviation, e.g. kesbangpol) and then to the initials of its
/// words ("Dinas Pemberdayaan Masyarakat dan Desa" → DPMD). The full name stays in the sheet's title block.
/// </summary>
public static class RekapSheetName
{
    public const int MaxLength = 31;

    private static readonly HashSet<string> Connectives = new(StringComparer.OrdinalIgnoreCase) { "dan", "serta", "atau", "&", "dari", "di", "ke", "untuk" };

    public static string For(string opdId, string opdName, ISet<string> taken)
    {
        string name = Clean(opdName);
        if (name.Length is 0 or > MaxLength)
        {
            name = Clean(opdId).ToUpperInvariant();
        }

        if (name.Length is 0 or > MaxLength)
        {
            name = Initials(opdName);
        }

        if (name.Length is 0 or > MaxLength)
        {
            name = name.Length == 0 ? "OPD" : name[..MaxLength];
        }

        string unique = name;
        for (int n = 2; !taken.Add(unique); n++)
        {
            string suffix = $" ({n})";
            unique = (name.Length + suffix.Length > MaxLength ? name[..(MaxLength - suffix.Length)].TrimEnd() : name) + suffix;
        }

        return unique;
    }

    private static string Clean(string text) =>
        new string(text.Select(c => c is '\\' or '/' or '?' or '*' or '[' or ']' or ':' || char.IsControl(c) ? ' ' : c).ToArray()).Trim().Trim('\'').Trim();

    private static string Initials(string name) => Clean(string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => !Connectives.Contains(w) && char.IsLetterOrDigit(w[0])).Select(w => char.ToUpperInvariant(w[0]))));
}
