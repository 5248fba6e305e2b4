namespace SakipServerless.Importer.Steps;

/// <summary>
/// A role as the importer knows it: the column (or named actor) it came from, its template id and title, the
/// canonical words of its title, and the names it may be mentioned by in an activity text.
/// </summary>
internal sealed record ImportedRole(int Index, string Id, string Title, IReadOnlyList<string> Words, IReadOnlyList<RoleAlias> Aliases)
{
    public bool IsLeader => RoleVocabulary.IsLeader(Words);

    public bool IsUnitHead => RoleVocabulary.IsUnitHead(Words);

    public bool IsCoordinator => RoleVocabulary.IsCoordinator(Words);

    public bool IsStaff => RoleVocabulary.IsStaff(Words);
}
