using System.Net.Http.Json;
using SakipServerless.Bench.Hosting;
using SakipServerless.Bench.Measuring;
using SakipServerless.Bench.Reporting;

namespace SakipServerless.Bench.Idle;

/// <summary>
/// Item 5: resident memory of the backend process started as the run command starts it (Development: demo data
/// seeded into a fresh database, sweep every 30 s, notification dispatcher on), idle after start and idle after some
/// use; beside it the empty ASP.NET Core app on the same runtime and GC mode.
/// </summary>
public static class IdleBench
{
    public static async Task RunAsync(string folder, Report report, bool quick)
    {
        Console.WriteLine("5. Idle memory");
        var idle = TimeSpan.FromSeconds(quick ? 3 : 15);
        string work = Path.Combine(folder, "idle");
        Directory.CreateDirectory(work);

        long referenceRss;
        await using (var empty = await BackendProcess.StartReferenceAsync())
        {
            for (int i = 0; i < 20; i++)
            {
                (await empty.Http.GetAsync("api/health")).EnsureSuccessStatusCode();
            }

            await Task.Delay(idle);
            referenceRss = ProcessMemory.RssBytes(empty.Pid);
        }

        await using var backend = await BackendProcess.StartAsync("Development", new Dictionary<string, string>
        {
            ["Sakip__Storage__SqlitePath"] = Path.Combine(work, "sakip.db"),
        }, work);
        await Task.Delay(idle);
        long started = ProcessMemory.RssBytes(backend.Pid);

        // Some use: a leader's overview and run lists, a unit's tasks.
        using var token = await backend.Http.PostAsJsonAsync("api/dev/token", new { tenantId = "jeneponto", userId = "sekda" });
        if (token.IsSuccessStatusCode)
        {
            string bearer = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
            backend.Http.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
            foreach (string url in new[] { "api/dashboard/overview", "api/runs", "api/me/tasks", "api/dashboard/overdue", "api/opds" })
            {
                for (int i = 0; i < 5; i++)
                {
                    (await backend.Http.GetAsync(url)).EnsureSuccessStatusCode();
                }
            }
        }
        else
        {
            report.Note($"Idle memory: the demo sign-in answered {(int)token.StatusCode}; only the idle-after-start figure is meaningful.");
        }

        await Task.Delay(idle);
        long used = ProcessMemory.RssBytes(backend.Pid);
        string reference = $"empty ASP.NET Core app, same runtime and GC: {Format.Mb(ProcessMemory.Mb(referenceRss))}";
        report.Add(new ResultRow("5", $"backend RSS, idle {idle.TotalSeconds:0} s after start (demo data seeded)", Format.Mb(ProcessMemory.Mb(started)), "< 150 MB",
            reference, ProcessMemory.Mb(started) < 150));
        report.Add(new ResultRow("5", "backend RSS, idle after serving the overview, run lists and tasks", Format.Mb(ProcessMemory.Mb(used)), "< 150 MB",
            reference, ProcessMemory.Mb(used) < 150));
    }
}
