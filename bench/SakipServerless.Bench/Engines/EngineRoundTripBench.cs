using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SakipServerless.Api.Templates;
using SakipServerless.Api.Tests.Support;
using SakipServerless.Bench.BlobEvidence;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Bench.Seeding;
using SakipServerless.Bench.Transitions;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Storage;

namespace SakipServerless.Bench.Engines;

/// <summary>
/// Item 10 (issue 15): a run command's round trip over HTTP (request → answer with the recorded outcome) and the
/// commands per second at 1 and 16 clients, for the embedded engine and the durable engine on two backends, side by
/// side: the same backend hosted the same way in this process, the same script (<see cref="BenchScript"/>). The durable
/// engine runs on the in-memory DurableTaskTestHost (the engine's own cost: event, orchestration episode, projection
/// activity, outcome poll) and on local durable mode's sidecar over the Azure Storage provider on Azurite (queues,
/// tables and leases as in Azure, on loopback), as <c>Sakip:Engine:Sidecar</c> configures it in the local host.
/// </summary>
public static class EngineRoundTripBench
{
    private const string Embedded = "embedded";

    private const string TestHost = "test host";

    private const string Sidecar = "Azure Storage sidecar";

    private static readonly string[] Engines = [Embedded, TestHost, Sidecar];

    private static readonly int[] Levels = [1, 16];

    /// <summary>Local durable mode as the README's command sets it up, on this bench's own Azurite and a hub of its own.</summary>
    private static Dictionary<string, string?> SidecarSettings(string connectionString) => new()
    {
        ["Sakip:Engine:Mode"] = "durable",
        ["Sakip:Engine:Sidecar:StorageConnectionString"] = connectionString,
        ["Sakip:Engine:Sidecar:TaskHubName"] = "sakipbench",
    };

    public static async Task RunAsync(string folder, Report report, bool quick)
    {
        Console.WriteLine("10. Engine round trip, embedded and durable (test host, Azure Storage sidecar)");
        // Runs per client: a level uses its runs up (each is taken through the whole script once).
        var plan = new Dictionary<int, int> { [4] = quick ? 1 : 2, [1] = quick ? 2 : 6, [16] = quick ? 1 : 3 };
        var results = new Dictionary<(string Engine, int Clients), LoadResult>();
        foreach (string engine in Engines)
        {
            var durable = engine == TestHost ? new InProcessDurableEngine() : null;
            await using var _ = durable;
            await using var azurite = engine == Sidecar ? await AzuriteProcess.StartAccountAsync() : null;
            var settings = durable is not null ? InProcessDurableEngine.Settings()
                : azurite is not null ? SidecarSettings(azurite.ConnectionString)
                : new Dictionary<string, string?>();
            // A command waits up to a minute for its outcome: a 202 would end the run's script, and this bench times answers.
            settings["Sakip:Engine:CommandWaitMilliseconds"] = "60000";
            await using var backend = await InProcessBackend.ListenAsync(Path.Combine(folder, $"engine-{engine.Replace(' ', '-')}.db"), settings.AsReadOnly(), durable is null ? null : durable.Register);
            var http = backend.Http!;
            var world = new BenchWorld(backend.Services.GetRequiredService<IDocumentStore>(), backend.Services.GetRequiredService<IRunStore>(),
                backend.Services.GetRequiredService<TemplateCatalog>());
            await world.SeedMasterDataAsync(plan.Keys.Sum());
            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
            var workers = new Dictionary<int, List<WorkerPlan>>();
            int next = 1;
            foreach (var (clients, runsEach) in plan)
            {
                var list = new List<WorkerPlan>();
                for (int c = 0; c < clients; c++)
                {
                    string opd = BenchWorld.Opd(next++);
                    foreach (string user in BenchScript.Commands.Select(x => x.UserOf(opd)).Append($"{opd}-{WellKnownRoles.HeadOfOpd}").Distinct())
                    {
                        tokens[user] = await DevToken.RequestAsync(http, BenchWorld.Tenant, user);
                    }

                    // Started through the API, so that on the durable engine each run is an orchestration.
                    var runs = new List<PlannedRun>();
                    foreach (var period in BenchWorld.Periods.Take(runsEach))
                    {
                        runs.Add(new PlannedRun(opd, await StartAsync(http, tokens[$"{opd}-{WellKnownRoles.HeadOfOpd}"], opd, period.Key), period.Year));
                    }

                    list.Add(new WorkerPlan(runs));
                }

                workers[clients] = list;
            }

            var warm = await HttpLoad.TransitionsAsync(http, tokens, workers[4]);
            Console.WriteLine($"  {engine} warm-up: {warm.Ok} commands, {warm.Failed} failed {warm.FirstFailure}");
            foreach (int clients in Levels)
            {
                var r = await HttpLoad.TransitionsAsync(http, tokens, workers[clients]);
                results[(engine, clients)] = r;
                Console.WriteLine($"  {engine}, {clients} clients: {Format.Rate(r.Rate)}, p50 {Format.Ms(r.Latency.P50)}, p95 {Format.Ms(r.Latency.At(0.95))}, p99 {Format.Ms(r.Latency.P99)}");
                if (r.Failed > 0)
                {
                    report.Note($"{r.Failed} commands failed on the {engine} engine at {clients} clients; first: {r.FirstFailure}");
                }
            }
        }

        foreach (string backend in new[] { TestHost, Sidecar })
        {
            foreach (int clients in Levels)
            {
                var e = results[(Embedded, clients)];
                var d = results[(backend, clients)];
                string embedded = $"embedded engine, same host: {Format.Rate(e.Rate)}; p50 {Format.Ms(e.Latency.P50)}, p95 {Format.Ms(e.Latency.At(0.95))}";
                bool? met = clients == 16 ? d.Failed == 0 && d.Latency.At(0.95) <= 1000 && d.Rate >= 50 : null;
                report.Add(new ResultRow("10", $"durable engine ({backend}), {clients} client{(clients == 1 ? "" : "s")} ({Format.Count(d.Ok)} commands)",
                    $"{Format.Rate(d.Rate)}; p50 {Format.Ms(d.Latency.P50)}, p95 {Format.Ms(d.Latency.At(0.95))}, p99 {Format.Ms(d.Latency.P99)}",
                    clients == 16 ? "p95 ≤ 1 s, ≥ 50/s" : "", embedded, met));
            }
        }

        report.Note("Durable Functions on Azure Storage, as published: about 5 sequential activities/s and 50 external events/s per orchestration; every durable command here is one external event and one activity.");
    }

    private static async Task<string> StartAsync(HttpClient http, string token, string opd, string period)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/runs") { Content = JsonContent.Create(new { opdId = opd, period }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"start of {opd} {period}: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
