using SakipServerless.Api.Templates;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Bench.Seeding;

/// <summary>
/// A pemda for the transition and upload figures: OPDs running the Kesbangpol SOP (six steps, one collect step over
/// three units, one review), a user for every role of every OPD, one indicator per year, and runs started through
/// the domain (<see cref="SopRun.Start"/>) and stored through the backend's run store.
/// </summary>
public sealed class BenchWorld(IDocumentStore documents, IRunStore runs, TemplateCatalog templates)
{
    public const string Tenant = "bench";
    public const string TemplateId = "jeneponto-kesbangpol-pengumpulan-data-kinerja";
    public const string TimeZone = "Asia/Makassar";
    public static readonly string[] Units = ["bidang-1", "bidang-2", "bidang-3"];

    public static string Opd(int n) => $"opd-{n:000}";

    /// <summary>Every period a run can be started for here: 2021-Q1 … 2030-Q4, so one OPD can hold forty runs.</summary>
    public static IReadOnlyList<Period> Periods { get; } =
        [.. Enumerable.Range(2021, 10).SelectMany(y => Enumerable.Range(1, 4).Select(q => new Period(y, q)))];

    public SopTemplate Template { get; private set; } = null!;

    public WorkCalendar Calendar { get; } = WorkCalendar.ForZone(TimeZone);

    public async Task SeedMasterDataAsync(int opds)
    {
        await documents.PutAsync(Tenant, DocumentKinds.Tenant, Tenant, new Tenant { Id = Tenant, Name = "Kabupaten Uji Beban", TimeZone = TimeZone });
        Template = await templates.LatestAsync(Tenant, TemplateId)
            ?? await templates.PublishAsync(Tenant, WithoutEvidenceRule(SopTemplateJson.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "sop", TemplateId + ".json")))));
        for (int n = 1; n <= opds; n++)
        {
            string opd = Opd(n);
            await documents.PutAsync(Tenant, DocumentKinds.Opd, opd, new Opd
            {
                Id = opd, TenantId = Tenant, Name = $"Dinas Uji {n:000}", TemplateId = TemplateId,
                Units = [.. Units.Select(u => new OrgUnit(u, $"Bidang {u[^1]}"))],
            });
            foreach (string role in Template.Roles.Select(r => r.Id).Append(WellKnownRoles.HeadOfOpd))
            {
                await PutUserAsync($"{opd}-{role}", [role], opd, null);
            }

            foreach (string unit in Units)
            {
                await PutUserAsync($"{opd}-{unit}", [], opd, unit);
            }

            foreach (int year in Periods.Select(p => p.Year).Distinct())
            {
                await documents.PutAsync(Tenant, DocumentKinds.Indicator, Indicator(opd, year), new IndicatorRecord
                {
                    Id = Indicator(opd, year), TenantId = Tenant, OpdId = opd, Year = year, Sasaran = "Meningkatnya kerukunan",
                    Name = "Persentase penyelesaian konflik sosial", Satuan = "%", Polarity = Polarity.Positive, Aggregation = AggregationType.NonKumulatif,
                    TargetTahunan = 90, TargetQ1 = 80, TargetQ2 = 85, TargetQ3 = 88, TargetQ4 = 90,
                });
            }
        }
    }

    public static string Indicator(string opd, int year) => $"{opd}-iku-{year}";

    /// <summary>Starts the run of <paramref name="opd"/> for each period, through the domain, at the current time.</summary>
    public async Task<List<string>> StartRunsAsync(string opd, IEnumerable<Period> periods)
    {
        var contexts = new RunContextFactory(TimeProvider.System);
        var head = Actor.Create($"{opd}-{WellKnownRoles.HeadOfOpd}", "Kepala", WellKnownRoles.HeadOfOpd);
        var ids = new List<string>();
        foreach (var period in periods)
        {
            string id = $"run-{opd}-{period.Key}";
            var run = SopRun.Start(id, Tenant, opd, period, [.. Units.Select(u => new OrgUnit(u, $"Bidang {u[^1]}"))], head, contexts.For(Template, Calendar));
            await runs.CreateAsync(run);
            ids.Add(id);
        }

        return ids;
    }

    private Task PutUserAsync(string id, string[] roles, string opd, string? unit) =>
        documents.PutAsync(Tenant, DocumentKinds.User, id, new AppUser { Id = id, TenantId = Tenant, Name = id, Roles = roles, OpdId = opd, UnitId = unit });

    /// <summary>
    /// The transitions bench measures commands, not uploads (the upload item does): its submissions carry no files,
    /// so the template it publishes waives the collect steps' evidence rule.
    /// </summary>
    private static SopTemplate WithoutEvidenceRule(SopTemplate template) => template with
    {
        Steps = template.Steps.Select(s => s.Kind == StepKind.Collect ? s with { MinEvidenceFiles = 0 } : s).ToList(),
    };
}
