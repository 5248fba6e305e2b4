using System.Text.RegularExpressions;
using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Infers a step's kind from its activity text. A check wins over everything (it needs a way back);
/// then a command (menugaskan, memerintahkan, perintah, disposisi, memberi arahan); then gathering data as a
/// verb (mengumpulkan, menghimpun — the noun "pengumpulan" names the SOP, not an act); then recapitulation;
/// then a meeting (rapat, sosialisasi); otherwise ordinary work. Recap and meeting words count only as the
/// activity itself ("Merekap …", "Melakukan rapat …"), not as what is handed over ("Menyampaikan rekap …").
/// </summary>
internal static partial class StepKindInference
{
    public static StepKind Infer(string activity)
    {
        string t = activity.ToLowerInvariant();
        if (Review().IsMatch(t) || Decision().IsMatch(t)) return StepKind.Review;
        if (Disposition().IsMatch(t)) return StepKind.Disposition;
        if (Collect().IsMatch(t)) return StepKind.Collect;
        if (LeadingHandover().IsMatch(t)) return StepKind.Task;
        if (Rekap().IsMatch(t)) return StepKind.Rekap;
        if (Meeting().IsMatch(t)) return StepKind.Meeting;
        return StepKind.Task;
    }

    /// <summary>Whether the text orders data to be gathered ("Memerintahkan Analis mengumpulkan bahan", "Perintah untuk pengumpulan data").</summary>
    public static bool OrdersCollecting(string activity) => CollectWord().IsMatch(activity.ToLowerInvariant());

    /// <summary>Whether the text hands something over to someone (menyerahkan, menyampaikan, mengirimkan, melaporkan).</summary>
    public static bool IsHandover(string activity) => Handover().IsMatch(activity.ToLowerInvariant());

    /// <summary>Whether the activity drafts a report or document (menyusun/membuat … laporan/draft/konsep).</summary>
    public static bool IsDrafting(string activity) => Drafting().IsMatch(activity.ToLowerInvariant());

    /// <summary>Whether the activity names the units data comes from (subbag, seksi, bidang, kelurahan, OPD …).</summary>
    public static bool NamesUnits(string activity) => Units().IsMatch(activity.ToLowerInvariant());

    public static bool IsReport(string activity) => Report().IsMatch(activity.ToLowerInvariant());

    [GeneratedRegex(@"\b(?:memeriksa|periksa|pemeriksaan|memvalidasi|validasi|memverifikasi|verifikasi|mengoreksi|koreksi|meneliti|menelaah|mereviu|mereview|reviu)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Review();

    [GeneratedRegex(@"\b(?:jika|apabila|bila)\s+(?:di)?setujui\b|\bdikembalikan\b.*\bdiperbaiki\b", RegexOptions.CultureInvariant)]
    private static partial Regex Decision();

    [GeneratedRegex(@"\b(?:menugaskan|memerintahkan|menginstruksikan|mendisposisikan|mendisposisi|disposisi|perintah|instruksi|menugasi)\b|\bmemberi(?:kan)?\s+arahan\b|\bmengarahkan\b", RegexOptions.CultureInvariant)]
    private static partial Regex Disposition();

    [GeneratedRegex(@"^\s*(?:\S+\s+){0,2}?(?:mengumpulkan|menghimpun|menghimpunkan|menerima\s+data|melakukan\s+(?:pengumpulan|penghimpunan))\b", RegexOptions.CultureInvariant)]
    private static partial Regex Collect();

    [GeneratedRegex(@"\b(?:mengumpulkan|menghimpun|pengumpulan|penghimpunan)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CollectWord();

    [GeneratedRegex(@"^\s*(?:\S+\s+)?(?:merekap|rekap|rekapan|merekapitulasi|rekapitulasi)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Rekap();

    [GeneratedRegex(@"^\s*(?:\S+\s+)?(?:rapat|sosialisasi|mensosialisasikan|sosialisasikan|pertemuan|musyawarah|diskusi|fgd|ekspose|paparan)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Meeting();

    [GeneratedRegex(@"\b(?:menyerahkan|menyampaikan|mengirimkan|mengirim|melaporkan|meneruskan|menyetorkan|mengajukan)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Handover();

    [GeneratedRegex(@"^\s*(?:menyerahkan|menyampaikan|mengirimkan|mengirim|melaporkan|meneruskan|menyetorkan|mengajukan)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingHandover();

    [GeneratedRegex(@"^\s*(?:menyusun|membuat|menyiapkan|merumuskan|mendraft)\b.*\b(?:laporan|draft|draf|konsep)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Drafting();

    [GeneratedRegex(@"\b(?:sub\s*bag(?:ian)?|subbag|seksi|bidang|kelurahan|desa|unit|opd|satuan\s+kerja|instansi|sekretariat)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Units();

    [GeneratedRegex(@"\b(?:laporan|melaporkan|lapor)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Report();
}
