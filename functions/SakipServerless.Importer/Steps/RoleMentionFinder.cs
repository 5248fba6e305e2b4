using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Finds the roles an activity text names and the part each plays, from the words before it: "kepada/pada"
/// marks a recipient, "dengan/bersama" a companion, a command verb (menugaskan, memerintahkan …) its object,
/// anything else the subject. Mentions after "jika disetujui" or "jika tidak … dikembalikan" belong to that branch.
/// </summary>
internal static partial class RoleMentionFinder
{
    private const int LookBack = 6;

    private static readonly HashSet<string> RecipientWords = ["kepada", "pada", "ke", "kpd", "kepadanya"];
    private static readonly HashSet<string> CompanionWords = ["dengan", "bersama", "beserta", "didampingi"];
    private static readonly HashSet<string> AgentWords = ["oleh"];

    /// <summary>Verbs whose object is the role that receives the command.</summary>
    internal static readonly HashSet<string> CommandWords =
    [
        "menugaskan", "memerintahkan", "menginstruksikan", "mengarahkan", "menunjuk", "perintah", "instruksi",
        "mendisposisikan", "mendisposisi", "disposisi", "meminta", "menugasi", "memerintah",
    ];

    /// <summary>Words between a preposition and the role that do not change who is meant ("kepada masing-masing Seksi, Lurah dan …").</summary>
    private static readonly HashSet<string> Fillers =
    [
        "masing-masing", "masing", "seluruh", "semua", "para", "setiap", "tiap", "bapak", "ibu", "sdr", "saudara", "dan", ",",
        "atau", "serta", "seksi", "subbag", "sub", "bag", "bidang", "sekretariat", "kelurahan", "desa", "unit", "opd", "yang", "terkait",
    ];

    public static List<RoleMention> Find(string text, RoleCatalog catalog)
    {
        var tokens = RoleVocabulary.Tokenise(text);
        var matches = new List<(int Role, int First, int Length)>();
        for (int i = 0; i < tokens.Count;)
        {
            var best = BestAt(tokens, i, catalog);
            if (best is { } m)
            {
                matches.Add((m.Role, i, m.Length));
                i += m.Length;
            }
            else
            {
                i++;
            }
        }

        var roleTokens = new HashSet<int>(matches.SelectMany(m => Enumerable.Range(m.First, m.Length)));
        var clauses = ClauseMarks(text);
        var mentions = new List<RoleMention>();
        foreach (var (role, first, _) in matches)
        {
            int position = tokens[first].Start;
            var clause = clauses.Where(c => c.Position < position).Select(c => c.Clause).DefaultIfEmpty(MentionClause.Main).Last();
            mentions.Add(new RoleMention(role, PartOf(tokens, first, roleTokens), clause, position));
        }

        return mentions;
    }

    /// <summary>The longest alias match at a position; a strong alias beats a weak one; an ambiguous weak match is dropped.</summary>
    private static (int Role, int Length)? BestAt(List<WordToken> tokens, int at, RoleCatalog catalog)
    {
        var candidates = new List<(int Role, int Length, bool Strong)>();
        foreach (var role in catalog.Roles)
        {
            foreach (var alias in role.Aliases)
            {
                if (Matches(tokens, at, alias.Words))
                {
                    candidates.Add((role.Index, alias.Words.Count, alias.Strong));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        int longest = candidates.Max(c => c.Length);
        var top = candidates.Where(c => c.Length == longest).ToList();
        var strong = top.Where(c => c.Strong).Select(c => c.Role).Distinct().ToList();
        if (strong.Count >= 1)
        {
            return (strong[0], longest);
        }

        var weak = top.Select(c => c.Role).Distinct().ToList();
        return weak.Count == 1 ? (weak[0], longest) : null;
    }

    private static MentionRole PartOf(List<WordToken> tokens, int first, HashSet<int> roleTokens)
    {
        for (int k = first - 1, seen = 0; k >= 0 && seen < LookBack; k--, seen++)
        {
            string word = tokens[k].Value;
            if (roleTokens.Contains(k) || Fillers.Contains(word))
            {
                continue;
            }

            if (RecipientWords.Contains(word)) return MentionRole.Recipient;
            if (CompanionWords.Contains(word)) return MentionRole.Companion;
            if (AgentWords.Contains(word)) return MentionRole.Subject;
            if (CommandWords.Contains(word)) return MentionRole.Object;
            return MentionRole.Subject;
        }

        return MentionRole.Subject;
    }

    private static List<(int Position, MentionClause Clause)> ClauseMarks(string text)
    {
        var marks = new List<(int, MentionClause)>();
        foreach (Match m in ApproveMark().Matches(text))
        {
            marks.Add((m.Index, MentionClause.Approve));
        }

        foreach (Match m in ReturnMark().Matches(text))
        {
            marks.Add((m.Index, MentionClause.Return));
        }

        return [.. marks.OrderBy(m => m.Item1)];
    }

    private static bool Matches(List<WordToken> tokens, int at, IReadOnlyList<string> words)
    {
        if (at + words.Count > tokens.Count)
        {
            return false;
        }

        for (int k = 0; k < words.Count; k++)
        {
            if (tokens[at + k].Value != words[k])
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"\b(?:jika|apabila|bila|kalau)\s+(?:sudah\s+)?(?:di)?(?:setujui|sesuai|benar|lengkap|valid|diterima)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApproveMark();

    [GeneratedRegex(@"\b(?:(?:jika|apabila|bila|kalau)\s+(?:tidak|belum)|dikembalikan|ditolak)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReturnMark();
}
