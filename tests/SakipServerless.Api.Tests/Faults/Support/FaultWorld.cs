using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Tests.Faults.Support;

/// <summary>
/// Master data for the fault tests: one pemda (WITA) with <c>opds</c> OPDs running the Kesbangpol SOP, each with the
/// three units of <see cref="TestWorld"/>, a user for every SOP role, the head, one staff member per unit and two
/// indicators for 2026. Written through the app's own document store.
/// </summary>
public static class FaultWorld
{
    public const string Tenant = TestWorld.Tenant;

    /// <summary>
    /// The seed template with the collect step's evidence rule waived: these tests kill and race backends between
    /// transitions, and scripted submissions without uploads keep each command one request (uploads under faults have
    /// their own tests in Files/ and Storage.Azure.Tests).
    /// </summary>
    public static SopTemplate Template { get; } = WithoutEvidenceRule(TestWorld.LoadTemplate(TestWorld.TemplateId));

    private static SopTemplate WithoutEvidenceRule(SopTemplate template) =>
        template with { Steps = template.Steps.Select(s => s.Kind == StepKind.Collect ? s with { MinEvidenceFiles = 0 } : s).ToList() };

    public static string Opd(int n) => $"opd-{n:00}";

    /// <summary>The template every run here pins (the audit asks for it by id and version).</summary>
    public static SopTemplate TemplateFor(string id, int version) =>
        id == Template.Id && version == Template.Version ? Template : throw new InvalidOperationException($"no template {id}@{version} here");

    /// <summary>Seeds the database at <paramref name="databasePath"/> with a short-lived in-process backend.</summary>
    public static async Task SeedFileAsync(string databasePath, int opds)
    {
        await using var factory = new ApiFactory(databasePath);
        await SeedAsync(factory.Services.GetRequiredService<IDocumentStore>(), opds);
    }

    public static async Task SeedAsync(IDocumentStore documents, int opds)
    {
        await documents.PutAsync(Tenant, DocumentKinds.Tenant, Tenant, new Tenant { Id = Tenant, Name = "Kabupaten Jeneponto", TimeZone = "Asia/Makassar" });
        await documents.PutAsync(Tenant, DocumentKinds.Template, $"{Template.Id}@{Template.Version}", Template);
        for (int n = 1; n <= opds; n++)
        {
            string opd = Opd(n);
            await documents.PutAsync(Tenant, DocumentKinds.Opd, opd, new Opd { Id = opd, TenantId = Tenant, Name = $"OPD {n:00}", TemplateId = Template.Id, Units = TestWorld.Units });
            foreach (var role in Template.Roles)
            {
                await PutUserAsync(documents, $"{opd}-{role.Id}", [role.Id], opd);
            }

            await PutUserAsync(documents, $"{opd}-kepala", [WellKnownRoles.HeadOfOpd], opd);
            foreach (var unit in TestWorld.Units)
            {
                await PutUserAsync(documents, $"{opd}-{unit.Id}", [], opd, unit.Id);
            }

            foreach (var (id, polarity) in new[] { ("iku-1", Polarity.Positive), ("iku-2", Polarity.Negative) })
            {
                await documents.PutAsync(Tenant, DocumentKinds.Indicator, $"{opd}-{id}", new IndicatorRecord
                {
                    Id = $"{opd}-{id}", TenantId = Tenant, OpdId = opd, Year = 2026, Sasaran = "Meningkatnya kerukunan", Name = $"Indikator {id}",
                    Satuan = polarity == Polarity.Positive ? "%" : "kejadian", Polarity = polarity, Aggregation = AggregationType.NonKumulatif,
                    TargetTahunan = 90, TargetQ1 = 80, TargetQ2 = 85, TargetQ3 = 88, TargetQ4 = 90,
                });
            }
        }
    }

    private static Task PutUserAsync(IDocumentStore documents, string id, string[] roles, string opd, string? unit = null) =>
        documents.PutAsync(Tenant, DocumentKinds.User, id, new AppUser { Id = id, TenantId = Tenant, Name = id, Roles = roles, OpdId = opd, UnitId = unit });
}
