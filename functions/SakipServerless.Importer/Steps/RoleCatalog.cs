using SakipServerless.Importer.Text;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// The roles of one document in column order (most senior first), with the few readings the importer needs
/// about them: who leads the OPD, who coordinates planning and reporting, who is staff, who heads a unit.
/// </summary>
internal sealed class RoleCatalog
{
    private static readonly HashSet<string> GenericHeads = ["kepala", "ketua", "wakil", "pejabat", "sub"];

    public RoleCatalog(IReadOnlyList<string> titles)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var roles = new List<ImportedRole>();
        for (int i = 0; i < titles.Count; i++)
        {
            string title = InlineText.Collapse(titles[i]);
            string id = Slug.From(title);
            if (id.Length == 0)
            {
                id = $"pelaksana-{i + 1}";
            }

            string unique = id;
            for (int n = 2; !ids.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }

            roles.Add(new ImportedRole(i, unique, title, RoleVocabulary.Canonical(title), AliasesOf(title)));
        }

        Roles = roles;
    }

    public IReadOnlyList<ImportedRole> Roles { get; }

    public int Count => Roles.Count;

    public ImportedRole this[int index] => Roles[index];

    /// <summary>The head of the OPD if a column is one (Camat, Kepala Dinas, Inspektur); otherwise the leftmost column.</summary>
    public int? Leader => Count == 0 ? null : Roles.FirstOrDefault(r => r.IsLeader)?.Index ?? 0;

    /// <summary>The planning/reporting role (Kasubag Perencanaan, Kasubag Program …) that coordinates SAKIP data.</summary>
    public int? Coordinator => Roles.FirstOrDefault(r => r.IsCoordinator)?.Index;

    /// <summary>The staff role that does the clerical work: the last staff-titled column.</summary>
    public int? Worker => Roles.LastOrDefault(r => r.IsStaff)?.Index;

    public IEnumerable<int> UnitHeads => Roles.Where(r => r.IsUnitHead && r.Index != Coordinator).Select(r => r.Index);

    /// <summary>Officials (not staff), for "kepada pejabat terkait".</summary>
    public IEnumerable<int> Officials => Roles.Where(r => !r.IsStaff).Select(r => r.Index);

    /// <summary>The supervisor of a column: the column to its left, as SOP tables list actors from the most senior down.</summary>
    public int? SupervisorOf(int index) => index > 0 ? index - 1 : null;

    public string Titles(IEnumerable<int> indices) => string.Join(", ", indices.Select(i => Roles[i].Title));

    private static List<RoleAlias> AliasesOf(string title)
    {
        var aliases = new List<RoleAlias>();
        void Add(IReadOnlyList<string> words, bool strong)
        {
            if (words.Count > 0 && !aliases.Any(a => a.Words.SequenceEqual(words)))
            {
                aliases.Add(new RoleAlias(words, strong));
            }
        }

        var whole = RoleVocabulary.Canonical(title);
        Add(whole, true);
        if (title.Contains('/'))
        {
            foreach (var part in title.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Add(RoleVocabulary.Canonical(part), true);
            }
        }

        if (whole.Count > 1 && !GenericHeads.Contains(whole[0]))
        {
            Add([whole[0]], false);
        }

        return aliases;
    }
}
