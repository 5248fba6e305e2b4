using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using SakipServerless.Api.Templates;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Bench.Seeding;
using SakipServerless.Core.Periods;
using SakipServerless.Core.Storage;

namespace SakipServerless.Bench.Upload;

/// <summary>
/// Item 3: a 200 MB evidence file streamed through <c>POST /api/runs/{id}/files</c> into the filesystem store by
/// the backend process, against <c>cp</c> of the same file on the same disk in the same run; the backend's peak
/// resident memory growth during the upload (VmHWM reset before, read after, and sampled every 5 ms).
/// </summary>
public static class UploadBench
{
    public static async Task RunAsync(string folder, Report report, bool quick)
    {
        Console.WriteLine("3. Upload");
        int megabytes = quick ? 50 : 200;
        string work = Path.Combine(folder, "upload");
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
        double cp = Median(Enumerable.Range(0, 3).Select(_ => Copy(work, source, "cp", [source, Path.Combine(work, "copy.pdf")])));
        double ddSync = Median(Enumerable.Range(0, 3).Select(_ => Copy(work, source, "dd", [$"if={source}", $"of={Path.Combine(work, "copy.pdf")}", "bs=1M", "conv=fsync", "status=none"])));

        // What loopback HTTP alone allows: the same file streamed to an empty app that reads and discards it.
        double http;
        await using (var empty = await BackendProcess.StartReferenceAsync())
        {
            await DiscardAsync(empty, source); // warm-up
            var times = new List<double>();
            for (int i = 0; i < 3; i++)
            {
                times.Add(await DiscardAsync(empty, source));
            }

            http = Median(times);
        }

        var hashWatch = Stopwatch.StartNew();
        await using (var file = File.OpenRead(source))
        {
            await System.Security.Cryptography.SHA256.HashDataAsync(file);
        }

        double hash = hashWatch.Elapsed.TotalSeconds;

        await using var backend = await BackendProcess.StartAsync("Testing", new Dictionary<string, string>
        {
            ["Sakip__Storage__SqlitePath"] = database,
            ["Sakip__Development__EnableDevSignIn"] = "true",
            ["Sakip__RateLimits__Enabled"] = "false",
            ["Sakip__Files__MaxFileBytes"] = (256L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        string token = await backend.TokenAsync(BenchWorld.Tenant, $"{BenchWorld.Opd(1)}-kasubid-kasubag");

        // Warm-up: the same path with a small file, so JIT and pools are not in the figure.
        string small = Path.Combine(work, "kecil.pdf");
        BenchPdf.Write(small, 1024 * 1024);
        await UploadAsync(backend, token, runId, small, "kecil.pdf");
        await Task.Delay(1000);

        var rounds = new List<(double Seconds, long HwmGrowth, long SampledGrowth)>();
        for (int round = 1; round <= (quick ? 1 : 3); round++)
        {
            long before = ProcessMemory.RssBytes(backend.Pid);
            bool reset = ProcessMemory.ResetPeak(backend.Pid);
            long sampled = before;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    sampled = Math.Max(sampled, ProcessMemory.RssBytes(backend.Pid));
                    await Task.Delay(5);
                }
            });
            var watch = Stopwatch.StartNew();
            await UploadAsync(backend, token, runId, source, $"bukti-{round}.pdf");
            double seconds = watch.Elapsed.TotalSeconds;
            stop.Cancel();
            await sampler;
            long hwm = reset ? ProcessMemory.PeakRssBytes(backend.Pid) : sampled;
            rounds.Add((seconds, hwm - before, sampled - before));
            Console.WriteLine($"  round {round}: {seconds:0.00} s, peak growth {ProcessMemory.Mb(hwm - before):0.0} MB (sampled {ProcessMemory.Mb(sampled - before):0.0} MB), RSS before {ProcessMemory.Mb(before):0} MB");
        }

        double upload = rounds.Select(r => r.Seconds).Order().ElementAt(rounds.Count / 2);
        double throughput = megabytes / upload;
        long growth = rounds.Max(r => Math.Max(r.HwmGrowth, r.SampledGrowth));
        report.Add(new ResultRow("3", $"upload of {megabytes} MB through the API into the file store (median of {rounds.Count})",
            $"{Format.MbPerSecond(throughput)} = {Format.Percent(throughput / (megabytes / cp))} of cp", "≥ 70 % of cp",
            $"cp {Format.MbPerSecond(megabytes / cp)}; dd with fsync (the store syncs what it staged) {Format.MbPerSecond(megabytes / ddSync)}; " +
            $"HTTP to an empty app that discards the body {Format.MbPerSecond(megabytes / http)}; SHA-256 of the file {Format.MbPerSecond(megabytes / hash)}",
            throughput / (megabytes / cp) >= 0.7));
        report.Add(new ResultRow("3", "backend peak resident memory growth during the upload", Format.Mb(ProcessMemory.Mb(growth)), "< 64 MB",
            $"file size {megabytes} MB", ProcessMemory.Mb(growth) < 64));
    }

    private static async Task UploadAsync(BackendProcess backend, string token, string runId, string path, string name)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/runs/{runId}/files?fileName={name}") { Content = new StreamContent(file, 1 << 16) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Content.Headers.ContentLength = file.Length;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await backend.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<double> DiscardAsync(BackendProcess empty, string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        using var content = new StreamContent(file, 1 << 16);
        content.Headers.ContentLength = file.Length;
        var watch = Stopwatch.StartNew();
        (await empty.Http.PostAsync("discard", content)).EnsureSuccessStatusCode();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Copy(string work, string source, string tool, string[] args)
    {
        string target = Path.Combine(work, "copy.pdf");
        File.Delete(target);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo(tool, args)) ?? throw new InvalidOperationException($"{tool} did not start");
        process.WaitForExit();
        double seconds = watch.Elapsed.TotalSeconds;
        File.Delete(target);
        return process.ExitCode == 0 ? seconds : throw new InvalidOperationException($"{tool} failed copying {source}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
