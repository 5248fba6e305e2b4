using SakipServerless.Api.Templates;
using SakipServerless.Core.Calendar;
using SakipServerless.Core.Capaian;
using SakipServerless.Core.MasterData;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;
using SakipServerless.Core.Templates;

namespace SakipServerless.Dashboard.Bench;

/// <summary>
/// Writes a large pemda straight through the backend's storage ports and the domain's own transitions: OPDs running
/// Samboja's SOP, each with its indicators, three completed quarters (every unit reporting every indicator) and a
/// fourth in progress with some units late.
/// </summary>
public sealed class BenchData(IDocumentStore documents, IRunStore runs, TemplateCatalog templates, string sopFolder)
{
    public const string TenantId = "bench";
    private const string TemplateId = "samboja-kecamatan-pengumpulan-data-kinerja";

    public async Task<int> SeedAsync(int opds, int indicators, int units, int year, DateTimeOffset now)
    {
        var tenant = new Tenant { Id = TenantId, Name = "Kabupaten Uji Beban", TimeZone = "Asia/Makassar" };
        await documents.PutAsync(TenantId, DocumentKinds.Tenant, TenantId, tenant);
        await documents.PutAsync(TenantId, DocumentKinds.User, "sekda", new AppUser { Id = "sekda", TenantId = TenantId, Name = "Sekda Uji Beban", Roles = [WellKnownRoles.Pimpinan] });
        var template = await templates.LatestAsync(TenantId, TemplateId)
            ?? await templates.PublishAsync(TenantId, SopTemplateJson.Parse(await File.ReadAllTextAsync(Path.Combine(sopFolder, TemplateId + ".json"))));
        var calendar = WorkCalendar.ForZone(tenant.TimeZone);
        var roles = template.Roles.Select(r => r.Id).Append(WellKnownRoles.HeadOfOpd).ToArray();
        var random = new Random(2026);
        int written = 0;

        for (int o = 1; o <= opds; o++)
        {
            var opd = new Opd
            {
                Id = $"opd-{o:00}", TenantId = TenantId, Name = $"Dinas Uji {o:00}", TemplateId = TemplateId,
                Units = [.. Enumerable.Range(1, units).Select(u => new OrgUnit($"opd-{o:00}-unit-{u}", $"Bidang {u}"))],
            };
            await documents.PutAsync(TenantId, DocumentKinds.Opd, opd.Id, opd);
            var records = Enumerable.Range(1, indicators).Select(i => new IndicatorRecord
            {
                Id = $"{opd.Id}-iku-{i:00}", TenantId = TenantId, OpdId = opd.Id, Year = year, Kode = $"IKU {i}",
                Sasaran = $"Sasaran {(i - 1) / 10 + 1} {opd.Name}", Name = $"Persentase capaian program {i} {opd.Name}",
                Satuan = "%", Polarity = Polarity.Positive, Aggregation = AggregationType.RataRata,
                TargetTahunan = 90, TargetQ1 = 90, TargetQ2 = 90, TargetQ3 = 90, TargetQ4 = 90,
            }).ToList();
            foreach (var record in records)
            {
                await documents.PutAsync(TenantId, DocumentKinds.Indicator, record.Id, record);
            }

            for (int q = 1; q <= 4; q++)
            {
                bool current = q == 4;
                var clock = new SteppingClock(current ? now.AddDays(-4) : new DateTimeOffset(year, q * 3, 28, 1, 0, 0, TimeSpan.Zero).AddDays(5));
                var contexts = new RunContextFactory(clock);
                var actor = new Actor("bench", "Bench", roles.ToHashSet(StringComparer.Ordinal));
                var run = SopRun.Start($"{opd.Id}-{year}-q{q}", TenantId, opd.Id, new Period(year, q), opd.Units, actor, contexts.For(template, calendar));
                Play(run, template, calendar, contexts, clock, actor, records, random, current);
                await runs.CreateAsync(run);
                written++;
            }
        }

        return written;
    }

    /// <summary>Moves the run through its steps as its people would, an hour apart; the current quarter stops in its collect step.</summary>
    private static void Play(SopRun run, SopTemplate template, WorkCalendar calendar, RunContextFactory contexts, SteppingClock clock, Actor actor,
        List<IndicatorRecord> indicators, Random random, bool current)
    {
        while (run.ActiveStep is { } step)
        {
            clock.Advance(TimeSpan.FromMinutes(50));
            var def = template.FindStep(step.StepId)!;
            var ctx = contexts.For(template, calendar);
            switch (step.Kind)
            {
                case StepKind.Collect:
                    int sent = 0;
                    foreach (var unit in step.UnitTasks.ToList())
                    {
                        if (current && sent++ >= 1)
                        {
                            return; // the other units have not sent yet: late by the time the page is read
                        }

                        var values = indicators.Select(i => new RealisasiEntry(i.Id, Math.Round(60 + (decimal)random.NextDouble() * 45, 2))).ToList();
                        run.SubmitUnit(step.StepId, unit.UnitId, actor with { UnitId = unit.UnitId }, new UnitSubmissionInput(values, ["bukti-" + unit.UnitId]), ctx);
                        run.AcceptUnit(step.StepId, unit.UnitId, actor, contexts.For(template, calendar));
                    }

                    break;
                case StepKind.Review:
                    run.Approve(step.StepId, actor, new StepCompletion(def.Output, [.. def.Kelengkapan], []), ctx);
                    break;
                default:
                    run.CompleteStep(step.StepId, actor, new StepCompletion(def.Output, [.. def.Kelengkapan], []), ctx);
                    break;
            }
        }
    }

    private sealed class SteppingClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
