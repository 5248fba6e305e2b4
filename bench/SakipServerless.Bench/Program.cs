using System.Diagnostics;
using SakipServerless.Bench;
using SakipServerless.Bench.BlobEvidence;
using SakipServerless.Bench.Engines;
using SakipServerless.Bench.Export;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Idle;
using SakipServerless.Bench.Import;
using SakipServerless.Bench.Overview;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;
using SakipServerless.Bench.Sweep;
using SakipServerless.Bench.Transitions;
using SakipServerless.Bench.Upload;

// Issue 9's benchmarks: each figure beside its physical reference, measured in the same run on this machine.
if (args is [ReferenceServer.Argument])
{
    await ReferenceServer.RunAsync(Environment.GetEnvironmentVariable("SAKIP_BENCH_URL")!);
    return;
}

if (args is [ImportBench.OnceArgument, var importFile, var what])
{
    ImportBench.RunOnce(importFile, what == ImportBench.LibraryArgument);
    return;
}

var options = BenchOptions.Parse(args);
var machine = MachineInfo.Read();
string root = Repository.Root();
string folder = Path.Combine(Path.GetTempPath(), "sakip-bench", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
Directory.CreateDirectory(folder);
var report = new Report(machine, "dotnet run -c Release --project bench/SakipServerless.Bench" + (args.Length > 0 ? " -- " + string.Join(' ', args) : ""));
Console.WriteLine($"{machine.Cpu}, {machine.Cores} cores, {machine.MemoryGb} GB; load {machine.LoadAtStart}; work folder {folder}");

var watch = Stopwatch.StartNew();
try
{
    if (options.Items.Contains(1))
    {
        await TransitionBench.RunAsync(folder, report, options.Quick);
    }

    if (options.Items.Contains(2))
    {
        await SweepBench.RunAsync(folder, report, options.SweepSizes);
    }

    if (options.Items.Contains(3))
    {
        await UploadBench.RunAsync(folder, report, options.Quick);
    }

    if (options.Items.Contains(4))
    {
        await OverviewBench.RunAsync(folder, report, options.Quick);
    }

    if (options.Items.Contains(5))
    {
        await IdleBench.RunAsync(folder, report, options.Quick);
    }

    if (options.Items.Contains(6))
    {
        await BlobEvidenceBench.RunAsync(folder, report, options.Quick, options.BaselineApi);
    }

    if (options.Items.Contains(7))
    {
        await ImportBench.RunAsync(folder, report, options.Quick, root);
    }

    if (options.Items.Contains(8))
    {
        await RekapExportBench.RunAsync(folder, report, options.Quick);
    }

    if (options.Items.Contains(10))
    {
        await EngineRoundTripBench.RunAsync(folder, report, options.Quick);
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

Console.WriteLine();
Console.WriteLine(report.Markdown(watch.Elapsed));
if (options.Write)
{
    report.WriteInto(Path.Combine(root, "BENCHMARKS.md"), watch.Elapsed);
    Console.WriteLine("Written into BENCHMARKS.md.");
}
