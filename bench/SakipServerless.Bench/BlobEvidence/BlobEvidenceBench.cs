using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using SakipServerless.Api.Templates;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Bench.Seeding;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Storage;

namespace SakipServerless.Bench.BlobEvidence;

/// <summary>
/// Item 6 (issue 14): an evidence file uploaded through <c>POST /api/runs/{id}/files</c> and downloaded through
/// <c>GET /api/runs/{id}/files/{fileId}</c> with <c>Sakip:Files:Provider=blob</c> on one Azurite, by this build and, with
/// <c>--baseline-api FOLDER</c>, by an earlier build, alternating (before, after, before, after, …) in the same run.
/// </summary>
public static class BlobEvidenceBench
{
    public static async Task RunAsync(string folder, Report report, bool quick, string? baselineApi)
    {
        Console.WriteLine("6. Evidence on Blob Storage (Azurite)");
        int megabytes = quick ? 8 : 64;
        int rounds = quick ? 1 : 5;
        string work = Path.Combine(folder, "blob");
        Directory.CreateDirectory(work);
        string database = Path.Combine(work, "sakip.db");
        string runId;
        await using (var seeding = new InProcessBackend(database))
        {
            var world = new BenchWorld(seeding.Get<IDocumentStore>(), seeding.Get<IRunStore>(), seeding.Get<TemplateCatalog>());
            await world.SeedMasterDataAsync(1);
            runId = (await world.StartRunsAsync(BenchWorld.Opd(1), [new Period(2026, 4)]))[0];
        }

        string source = Path.Combine(work, "bukti.pdf");
        BenchPdf.Write(source, megabytes * 1024L * 1024L);
        byte[] sha = SHA256.HashData(File.ReadAllBytes(source));
        await using var azurite = await AzuriteProcess.StartAsync();

        var builds = new List<(string Name, string? Folder)>();
        if (baselineApi is not null)
        {
            builds.Add(("before", baselineApi));
        }

        builds.Add(("after", null));
        var figures = builds.ToDictionary(b => b.Name, _ => (Up: new List<double>(), Down: new List<double>()));
        for (int round = 1; round <= rounds; round++)
        {
            foreach (var (name, apiFolder) in round % 2 == 1 ? builds : Enumerable.Reverse(builds).ToList())
            {
                var settings = new Dictionary<string, string>
                {
                    ["Sakip__Storage__SqlitePath"] = database,
                    ["Sakip__Development__EnableDevSignIn"] = "true",
                    ["Sakip__RateLimits__Enabled"] = "false",
                    ["Sakip__Files__Provider"] = "blob",
                    ["Sakip__Files__BlobConnectionString"] = azurite.ConnectionString,
                    ["Sakip__Files__BlobContainer"] = "evidence-" + name,
                    ["Sakip__Files__MaxFileBytes"] = (256L * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
                    ["Sakip__Files__MaxFilesPerRun"] = "10000",
                };
                await using var backend = apiFolder is null
                    ? await BackendProcess.StartAsync("Testing", settings)
                    : await BackendProcess.StartFromAsync(apiFolder, "Testing", settings);
                string token = await backend.TokenAsync(BenchWorld.Tenant, $"{BenchWorld.Opd(1)}-kasubid-kasubag");
                string small = Path.Combine(work, "kecil.pdf");
                BenchPdf.Write(small, 1024 * 1024);
                string warm = await UploadAsync(backend, token, runId, small, $"kecil-{name}-{round}.pdf"); // JIT and pools out of the figure
                await DownloadAsync(backend, token, runId, warm, null);

                var watch = Stopwatch.StartNew();
                string fileId = await UploadAsync(backend, token, runId, source, $"bukti-{name}-{round}.pdf");
                double up = watch.Elapsed.TotalSeconds;
                watch.Restart();
                await DownloadAsync(backend, token, runId, fileId, sha);
                double down = watch.Elapsed.TotalSeconds;
                figures[name].Up.Add(megabytes / up);
                figures[name].Down.Add(megabytes / down);
                Console.WriteLine($"  round {round} {name}: upload {megabytes / up:0.0} MB/s, download {megabytes / down:0.0} MB/s");
            }
        }

        foreach (var (name, _) in builds)
        {
            var (upRates, downRates) = figures[name];
            string label = baselineApi is null ? "this build" : name == "before" ? "before (hand-written REST client)" : "after (Azure.Storage.Blobs)";
            report.Add(new ResultRow("6", $"{megabytes} MB evidence upload through the API into Azurite, {label} (median of {rounds})", Format.MbPerSecond(Median(upRates)),
                Reference: $"runs: {string.Join(", ", upRates.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))} MB/s"));
            report.Add(new ResultRow("6", $"{megabytes} MB evidence download through the API from Azurite, {label} (median of {rounds})", Format.MbPerSecond(Median(downRates)),
                Reference: $"runs: {string.Join(", ", downRates.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture)))} MB/s"));
        }
    }

    private static async Task<string> UploadAsync(BackendProcess backend, string token, string runId, string path, string name)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/runs/{runId}/files?fileName={name}") { Content = new StreamContent(file, 1 << 16) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Content.Headers.ContentLength = file.Length;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await backend.Http.SendAsync(request);
        string body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {body}");
        }

        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Streams the file's bytes to nowhere, checking their SHA-256 when one is given.</summary>
    private static async Task DownloadAsync(BackendProcess backend, string token, string runId, string fileId, byte[]? sha)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/runs/{runId}/files/{fileId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await backend.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        byte[] got = await SHA256.HashDataAsync(body);
        if (sha is not null && !got.AsSpan().SequenceEqual(sha))
        {
            throw new InvalidOperationException("the downloaded bytes differ from the uploaded file");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
