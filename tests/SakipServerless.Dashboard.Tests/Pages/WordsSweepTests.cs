using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SakipServerless.Dashboard.Tests.Pages;

/// <summary>
/// Crawls every page a demo user can reach by following links, and reads what a person sees (text, tooltips, labels)
/// for what should never be there: a template's step id, or English words of the code. The UI speaks Bahasa Indonesia.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class WordsSweepTests(SystemFixture system)
{
    private const int PagesPerUser = 45;

    /// <summary>
    /// Words of the code or of English UIs that have an Indonesian word in this product. Not "draft": the SOP documents
    /// themselves write "Draft Laporan Kinerja", and their text is shown as written.
    /// </summary>
    private static readonly string[] EnglishWords =
    [
        "run", "runs", "template", "templates", "step", "steps", "submit", "submitted", "pending", "approved", "approve",
        "completed", "running", "overdue", "late", "deadline", "upload", "download", "file", "files", "review", "reviewer",
        "task", "tasks", "user", "loading", "error", "unknown", "none", "null", "undefined", "nan", "true", "false",
        "suspended", "terminated", "returned", "accepted", "version", "dashboard", "sign", "logout", "login",
    ];

    public static TheoryData<string> Tenants => new() { "jeneponto", "balangan", "bantul", "kutai-kartanegara", "banggai" };

    [Theory]
    [MemberData(nameof(Tenants))]
    public async Task NoPage_ShowsAStepId_OrAnEnglishWord(string tenant)
    {
        var api = await system.ApiAsAsync(tenant, "admin");
        var stepIds = await StepIdsAsync(api);
        var users = (await api.GetFromJsonAsync<JsonElement>("api/users"))
            .EnumerateArray().Select(u => u.GetProperty("id").GetString()!).ToList();
        Assert.True(stepIds.Count > 3 && users.Count > 3, "the demo pemda has a template and users");

        var faults = new SortedDictionary<string, string>(StringComparer.Ordinal); // what is wrong → the first page showing it
        int pages = 0;
        foreach (string user in users)
        {
            using var session = await system.SignInAsync(tenant, user);
            foreach (var (path, text) in await CrawlAsync(session))
            {
                pages++;
                foreach (string id in stepIds.Where(id => Regex.IsMatch(text, $@"(?<![\w-]){Regex.Escape(id)}(?![\w-])")))
                {
                    faults.TryAdd($"step id '{id}'", $"{user} {path}");
                }

                foreach (Match word in WordPattern().Matches(text))
                {
                    if (EnglishWords.Contains(word.Value.ToLowerInvariant()))
                    {
                        faults.TryAdd($"English '{word.Value}' in \"{Around(text, word.Index)}\"", $"{user} {path}");
                    }
                }
            }
        }

        Assert.True(pages > users.Count, $"crawled only {pages} pages");
        Assert.True(faults.Count == 0, $"{faults.Count} faults on {pages} pages:\n" + string.Join("\n", faults.Take(80).Select(f => $"{f.Key} ({f.Value})")));
    }

    /// <summary>Breadth first from the user's home page, along the links a person could click (GET only).</summary>
    private static async Task<List<(string Path, string Text)>> CrawlAsync(Support.DashboardSession session)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var found = new List<(string, string)>();
        while (queue.Count > 0 && found.Count < PagesPerUser)
        {
            string path = queue.Dequeue();
            var (status, html, location) = await session.GetAsync(path);
            if (status == HttpStatusCode.Redirect && location is not null)
            {
                Follow(Support.DashboardSession.PathOf(location));
                continue;
            }

            Assert.True(status == HttpStatusCode.OK, $"{path} answered {(int)status}");
            found.Add((path, VisibleText(html)));
            foreach (Match link in LinkPattern().Matches(html))
            {
                Follow(WebUtility.HtmlDecode(link.Groups[1].Value));
            }
        }

        return found;

        void Follow(string target)
        {
            target = target.Split('#')[0]; // the same page, scrolled
            if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.StartsWith("/berkas/", StringComparison.Ordinal)
                && !target.StartsWith("/ekspor", StringComparison.Ordinal) && !target.StartsWith("/_", StringComparison.Ordinal)
                && !target.Contains(".xlsx", StringComparison.Ordinal) && !target.Contains(".csv", StringComparison.Ordinal)
                && seen.Add(target))
            {
                queue.Enqueue(target);
            }
        }
    }

    private static async Task<HashSet<string>> StepIdsAsync(HttpClient api)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var summary in (await api.GetFromJsonAsync<JsonElement>("api/templates")).EnumerateArray())
        {
            var template = await api.GetFromJsonAsync<JsonElement>($"api/templates/{summary.GetProperty("id").GetString()}");
            foreach (var step in template.GetProperty("steps").EnumerateArray())
            {
                string id = step.GetProperty("id").GetString()!;
                if (id.Contains('-')) // a one-word id ("disposisi") is also the Indonesian word a label may rightly use
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    /// <summary>Text nodes plus the attributes a person reads (tooltips, labels, placeholders); scripts and styles dropped.</summary>
    private static string VisibleText(string html)
    {
        string body = HiddenPattern().Replace(html, " ");
        var attributes = AttributePattern().Matches(body).Select(m => m.Groups[2].Value);
        string text = TagPattern().Replace(body, " ");
        return WebUtility.HtmlDecode(string.Join(" ", attributes) + " " + text);
    }

    private static string Around(string text, int index)
    {
        int start = Math.Max(0, index - 30);
        return Regex.Replace(text.Substring(start, Math.Min(70, text.Length - start)), @"\s+", " ").Trim();
    }

    [GeneratedRegex("""<(script|style|template)\b.*?</\1\s*>|<!--.*?-->""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("""\s(title|aria-label|placeholder|alt)="([^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("""<a\b[^>]*\shref="([^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"(?<![\w-])[A-Za-z]+(?![\w-])")]
    private static partial Regex WordPattern();
}
