using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SakipServerless.Dashboard.Tests.Support;

namespace SakipServerless.Dashboard.Tests.Notifications;

/// <summary>
/// The notification centre: the bell's unread count, the list, a notification leading to what it is about (read on
/// the way), mark all read, the count updating live after an escalation, and failed webhook deliveries for the admin.
/// A system of its own with the dispatcher running (every second) and a webhook receiver that is not there.
/// </summary>
[Collection(OwnSystemCollection.Name)]
public sealed partial class NotificationCentreTests : IAsyncLifetime
{
    private readonly SystemFixture _system = new()
    {
        BackendSettings = new Dictionary<string, string>
        {
            ["Sakip:Notifications:DispatchEnabled"] = "true",
            ["Sakip:Notifications:DispatchIntervalSeconds"] = "1",
            ["Sakip:Notifications:WebhookUrl"] = "http://127.0.0.1:9/tidak-ada", // discard port: nothing listens
            ["Sakip:Notifications:WebhookSecret"] = "rahasia-uji-webhook-0123456789",
            ["Sakip:Notifications:WebhookMaxAttempts"] = "1",
            ["Sakip:Notifications:WebhookTimeoutSeconds"] = "2",
        },
        DashboardSettings = new Dictionary<string, string> { ["Dashboard:NotificationPollSeconds"] = "1" },
    };

    public Task InitializeAsync() => _system.InitializeAsync();

    public Task DisposeAsync() => _system.DisposeAsync();

    [Fact]
    public async Task TheBellCountsUnread_TheListLeadsToTheTask_AndMarkAllRead_EmptiesIt()
    {
        using var api = await _system.ApiAsAsync("banggai", "staf-desa-maasing");
        var inbox = await WaitForInboxAsync(api, i => i.GetProperty("unreadCount").GetInt32() > 0);
        int unread = inbox.GetProperty("unreadCount").GetInt32();

        using var staff = await _system.SignInAsync("banggai", "staf-desa-maasing");
        var (_, tasks, _) = await staff.GetAsync("/tugas");
        Assert.Equal(unread.ToString(System.Globalization.CultureInfo.InvariantCulture), BellCount(tasks));

        var (status, page, _) = await staff.GetAsync("/notifikasi");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"{unread} belum dibaca", page);
        var returned = inbox.GetProperty("items").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "unit-task-returned");
        string id = returned.GetProperty("id").GetString()!;
        var link = Regex.Match(page, $"""href="(/notifikasi/{Regex.Escape(id)}/buka[^"]*)""");
        Assert.True(link.Success, "the returned task's notification has no link");

        // The link marks it read and leads to the desa's own task form.
        var (redirect, _, location) = await staff.GetAsync(WebUtility.HtmlDecode(link.Groups[1].Value));
        Assert.Equal(HttpStatusCode.Redirect, redirect);
        Assert.Equal("/tugas/unit/demo-kecamatan-batui-selatan-2026-q4/menyusun-data-kinerja/desa-maasing", DashboardSession.PathOf(location));
        var after = await api.GetFromJsonAsync<JsonElement>("api/me/inbox?limit=100");
        Assert.Equal(unread - 1, after.GetProperty("unreadCount").GetInt32());
        Assert.True(after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("read").GetBoolean());

        // Mark all read: the page says how many, the bell shows nothing.
        var marked = await staff.PostFormAsync("/notifikasi", "baca-semua", []);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var (_, done, _) = await staff.GetAsync(DashboardSession.PathOf(marked.Headers.Location));
        Assert.Contains($"{unread - 1} notifikasi ditandai sudah dibaca", done);
        Assert.Contains("Semua sudah dibaca", done);
        Assert.Equal("", BellCount(done));
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("api/me/inbox?limit=1")).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task AnEscalationFromTheDeadlineTimer_ReachesTheOpenPagesBell_WithoutAReload()
    {
        // The desa's deadline passes within hours: the Kasubag who collects is told of each late desa.
        using var api = await _system.ApiAsAsync("banggai", "kasubag-perenc");
        int before = (await StableUnreadAsync(api)).GetProperty("unreadCount").GetInt32();
        await using var browser = await Support.Browser.LaunchAsync(_system.Dashboard.BaseAddress, 390, 844, mobile: true);
        await browser.SignInAsync("banggai", "kasubag-perenc");
        await browser.Page.EvaluateAsync("() => window.__sameDocument = true");
        Assert.Equal(before.ToString(System.Globalization.CultureInfo.InvariantCulture), await browser.Page.Locator("[data-unread]").TextContentAsync());

        using var admin = await _system.ApiAsAsync("banggai", "admin");
        (await admin.PostAsJsonAsync("api/dev/clock", new { hours = 6 })).EnsureSuccessStatusCode(); // tokens last 10 h
        await WaitForInboxAsync(api, i => i.GetProperty("unreadCount").GetInt32() > before);
        var later = await StableUnreadAsync(api);
        int now = later.GetProperty("unreadCount").GetInt32();

        await browser.Page.WaitForFunctionAsync($"() => document.querySelector('[data-unread]').textContent === '{now}' && !document.querySelector('[data-unread]').hidden");
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        Assert.Contains($"{now} belum dibaca", await browser.Page.Locator("[data-bell]").GetAttributeAsync("aria-label"));
        Assert.Contains(later.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()),
            k => k is "step-escalated" or "unit-task-escalated" or "step-late" or "unit-task-late");
        Assert.True(browser.ScriptErrors.Count == 0, "script errors: " + string.Join(" | ", browser.ScriptErrors));
    }

    [Fact]
    public async Task TheAdmin_SeesWebhookDeliveriesThatFailed_OthersDoNot()
    {
        using var api = await _system.ApiAsAsync("jeneponto", "admin");
        var failures = await WaitAsync(async () => await api.GetFromJsonAsync<JsonElement>("api/notifications/webhook-failures"), f => f.GetArrayLength() > 0);

        using var admin = await _system.SignInAsync("jeneponto", "admin");
        var (_, page, _) = await admin.GetAsync("/notifikasi");
        Assert.Contains("Pengiriman webhook bermasalah", page);
        Assert.Contains("gagal permanen", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(failures[0].GetProperty("payload").GetProperty("title").GetString()!), page);

        using var sekda = await _system.SignInAsync("jeneponto", "sekda");
        var (_, other, _) = await sekda.GetAsync("/notifikasi");
        Assert.DoesNotContain("Pengiriman webhook bermasalah", other);
    }

    private static string BellCount(string html)
    {
        var match = BellPattern().Match(html);
        Assert.True(match.Success, "no bell in the header");
        return match.Groups[2].Value.Trim();
    }

    /// <summary>The inbox once the dispatcher has caught up: the same unread count twice, two seconds apart.</summary>
    private static async Task<JsonElement> StableUnreadAsync(HttpClient api)
    {
        var last = await WaitForInboxAsync(api, _ => true);
        while (true)
        {
            await Task.Delay(2000);
            var next = await WaitForInboxAsync(api, _ => true);
            if (next.GetProperty("unreadCount").GetInt32() == last.GetProperty("unreadCount").GetInt32())
            {
                return next;
            }

            last = next;
        }
    }

    private static Task<JsonElement> WaitForInboxAsync(HttpClient api, Func<JsonElement, bool> ready) =>
        WaitAsync(async () => await api.GetFromJsonAsync<JsonElement>("api/me/inbox?limit=100"), ready);

    /// <summary>The dispatcher runs every second in the background: wait (bounded) until what it writes is there.</summary>
    private static async Task<JsonElement> WaitAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (ready(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not ready after 30 s: {value}");
            await Task.Delay(250);
        }
    }

    [GeneratedRegex("""<span class="bell-count" data-unread( hidden)?>([^<]*)</span>""")]
    private static partial Regex BellPattern();
}
