using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// The Indonesian words for office holders in local government, in one canonical form each, so that
/// "Kepala Sub Bagian", "Kasubbag" and "Kasubag" are the same word, and the traits the importer reads from a
/// role's title (leader of the OPD, unit head, planning/reporting coordinator, staff).
/// </summary>
internal static partial class RoleVocabulary
{
    // Longer phrases first: "kepala sub bagian" must win over "kepala".
    private static readonly (string[] Phrase, string Canonical)[] Phrases =
    [
        (["inspektur", "pembantu", "wilayah"], "irban"),
        (["inspektur", "pembantu"], "irban"),
        (["kepala", "sub", "bagian"], "kasubag"),
        (["kepala", "sub", "bag"], "kasubag"),
        (["kepala", "sub", "bidang"], "kasubid"),
        (["kepala", "subbagian"], "kasubag"),
        (["kepala", "subbag"], "kasubag"),
        (["kepala", "subbidang"], "kasubid"),
        (["kepala", "bagian"], "kabag"),
        (["kepala", "bidang"], "kabid"),
        (["kepala", "seksi"], "kasi"),
        (["kepala", "dinas"], "kadis"),
        (["kepala", "badan"], "kaban"),
        (["kepala", "desa"], "kades"),
        (["kepala", "kelurahan"], "lurah"),
        (["sekretaris", "daerah"], "sekda"),
        (["kasubbag"], "kasubag"),
        (["kasubbid"], "kasubid"),
        (["kasie"], "kasi"),
        (["analisis"], "analis"),
        (["staff"], "staf"),
    ];

    private static readonly HashSet<string> LeaderWords = ["camat", "kadis", "kaban", "inspektur", "bupati", "walikota", "sekda", "pimpinan"];

    private static readonly HashSet<string> UnitHeadWords = ["kabid", "kasi", "kasubid", "irban", "lurah", "kades", "kabag"];

    private static readonly HashSet<string> CoordinatorWords = ["perencanaan", "perenc", "pelaporan", "program", "evaluasi", "evlap", "monev", "renev", "renprog", "renlap", "perencana"];

    private static readonly HashSet<string> StaffWords = ["staf", "analis", "pelaksana", "operator", "pengelola", "pengadministrasi", "pranata", "petugas", "jfu", "fungsional", "pengolah", "verifikator", "pengumpul"];

    /// <summary>Words a role title starts with; used to tell an actor written in words from a remark.</summary>
    private static readonly HashSet<string> TitleWords =
    [
        "kepala", "kabid", "kabag", "kasubag", "kasi", "kasubid", "sekretaris", "staf", "camat", "lurah", "inspektur", "irban",
        "analis", "tim", "bendahara", "pengelola", "operator", "bupati", "walikota", "sekda", "pimpinan", "pejabat", "petugas",
        "koordinator", "ketua", "anggota", "auditor", "pranata", "pengadministrasi", "fungsional", "jfu", "jft", "kadis", "kaban",
        "pptk", "ppk", "admin", "verifikator", "pengawas", "kades", "sekdis", "sekcam", "penyusun", "pelaksana",
    ];

    /// <summary>Splits text into lower-case words (keeping "masing-masing" whole, splitting "Kasubid/Kasubag") and canonicalises role phrases.</summary>
    public static List<WordToken> Tokenise(string text)
    {
        var raw = new List<WordToken>();
        foreach (Match m in Word().Matches(text))
        {
            raw.Add(new WordToken(m.Value.ToLowerInvariant(), m.Index, m.Index + m.Length));
        }

        var tokens = new List<WordToken>(raw.Count);
        for (int i = 0; i < raw.Count;)
        {
            var hit = Phrases.FirstOrDefault(p => Matches(raw, i, p.Phrase));
            if (hit.Phrase is not null)
            {
                tokens.Add(new WordToken(hit.Canonical, raw[i].Start, raw[i + hit.Phrase.Length - 1].End));
                i += hit.Phrase.Length;
            }
            else
            {
                tokens.Add(raw[i]);
                i++;
            }
        }

        return tokens;
    }

    public static IReadOnlyList<string> Canonical(string text) => [.. Tokenise(text).Where(t => t.Value is not ("," or ";")).Select(t => t.Value)];

    public static bool IsLeader(IReadOnlyList<string> title) =>
        title.Count > 0 && LeaderWords.Contains(title[0]) && !(title.Count > 1 && title[1] == "pembantu");

    public static bool IsUnitHead(IReadOnlyList<string> title) => title.Any(UnitHeadWords.Contains) && !IsStaff(title);

    public static bool IsCoordinator(IReadOnlyList<string> title) => !IsStaff(title) && title.Any(CoordinatorWords.Contains);

    public static bool IsStaff(IReadOnlyList<string> title) => title.Count > 0 && StaffWords.Contains(title[0]);

    /// <summary>
    /// Seniority for ordering roles a document names only in words (no columns to give the order):
    /// head of the OPD, secretary, division heads, section and sub-division heads, other officials, staff.
    /// </summary>
    public static int SeniorityRank(IReadOnlyList<string> title) => title switch
    {
        _ when IsLeader(title) => 0,
        [var first, ..] when first is "sekretaris" or "sekcam" or "sekdis" => 1,
        [var first, ..] when first is "kabid" or "kabag" => 2,
        [var first, ..] when first is "kasubag" or "kasi" or "kasubid" or "irban" or "lurah" or "kades" => 3,
        _ when IsStaff(title) => 5,
        _ => 4,
    };

    public static bool StartsLikeTitle(IReadOnlyList<string> words) => words.Count > 0 && TitleWords.Contains(words[0]);

    private static bool Matches(List<WordToken> tokens, int at, string[] phrase)
    {
        if (at + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (int k = 0; k < phrase.Length; k++)
        {
            if (tokens[at + k].Value != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*|[,;]", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
