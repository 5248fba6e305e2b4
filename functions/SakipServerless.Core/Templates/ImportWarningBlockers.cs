namespace SakipServerless.Core.Templates;

/// <summary>
/// The blocking warnings a draft still carries. A blocker tied to a field is cleared by filling that field (the
/// reviewer did what it asked); one without a field stays until the reviewer removes it from the draft.
/// </summary>
public static class ImportWarningBlockers
{
    public static IReadOnlyList<ImportWarning> Outstanding(SopTemplate template) =>
        [.. (template.ImportWarnings ?? []).Where(w => w.IsBlocking && !IsFilled(template, w.Field))];

    private static bool IsFilled(SopTemplate template, string? field) => field switch
    {
        "agency.timeZone" => !string.IsNullOrWhiteSpace(template.Agency?.TimeZone),
        "agency.name" => !string.IsNullOrWhiteSpace(template.Agency?.Name),
        "title" => !string.IsNullOrWhiteSpace(template.Title),
        _ => false,
    };
}
