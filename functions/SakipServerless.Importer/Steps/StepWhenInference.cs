using System.Text.RegularExpressions;
using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Steps;

/// <summary>
/// Infers in which runs a step takes part from the report it works on. A step about the quarterly report runs
/// every quarter; one whose product is only the semester report runs at semester ends (Q2, Q4); one whose product
/// is only the yearly report runs at year end. Combining reports names the product: two quarterly reports make
/// a semester report, two semester (or four quarterly) reports make the yearly one.
/// </summary>
internal static partial class StepWhenInference
{
    public static StepWhen Infer(string activity, out string? evidence)
    {
        string t = activity.ToLowerInvariant();
        var products = new HashSet<StepWhen>();
        evidence = null;

        foreach (var (pattern, product) in new[] { (TwoSemesters(), StepWhen.YearEnd), (FourQuarters(), StepWhen.YearEnd), (TwoQuarters(), StepWhen.SemesterEnd) })
        {
            var m = pattern.Match(t);
            if (m.Success)
            {
                products.Add(product);
                evidence ??= activity.Substring(m.Index, m.Length);
                t = t.Remove(m.Index, m.Length).Insert(m.Index, new string(' ', m.Length));
            }
        }

        foreach (Match m in PeriodWord().Matches(t))
        {
            products.Add(m.Groups["q"].Success ? StepWhen.Always : m.Groups["s"].Success ? StepWhen.SemesterEnd : StepWhen.YearEnd);
            evidence ??= activity.Substring(m.Index, m.Length);
        }

        if (products.Count == 0 || products.Contains(StepWhen.Always))
        {
            evidence = null;
            return StepWhen.Always;
        }

        return products.Contains(StepWhen.SemesterEnd) ? StepWhen.SemesterEnd : StepWhen.YearEnd;
    }

    [GeneratedRegex(@"\b(?:2|dua)\s*(?:\(\s*dua\s*\)\s*)?(?:\w+\s+){0,2}?semester(?:an)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TwoSemesters();

    [GeneratedRegex(@"\b(?:4|empat)\s*(?:\(\s*empat\s*\)\s*)?(?:\w+\s+){0,2}?triwulan(?:an)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex FourQuarters();

    [GeneratedRegex(@"\b(?:2|dua)\s*(?:\(\s*dua\s*\)\s*)?(?:\w+\s+){0,2}?triwulan(?:an)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex TwoQuarters();

    [GeneratedRegex(@"(?<q>\btriwulan(?:an)?\b|\bkuartal\b)|(?<s>\bsemester(?:an)?\b)|(?<y>\btahunan\b|\bsetiap\s+tahun\b|\bakhir\s+tahun\b|\bper\s+tahun\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodWord();
}
