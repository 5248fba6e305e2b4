using System.Net;
using System.Text.RegularExpressions;

namespace SakipServerless.Dashboard.Tests.Support;

/// <summary>
/// A cookie-keeping HTTP client of the dashboard that behaves like a browser without scripts: it reads a page,
/// takes the antiforgery token and Blazor form handler from it, and posts the form as a browser would.
/// </summary>
public sealed partial class DashboardSession : IDisposable
{
    private readonly HttpClient _http;

    public DashboardSession(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    public async Task SignInAsync(string tenantId, string userId)
    {
        var answer = await PostFormAsync("/masuk", "masuk", new() { ["Form.Pemda"] = tenantId, ["Form.Pengguna"] = userId });
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {tenantId}/{userId} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }

    public async Task<(HttpStatusCode Status, string Html, Uri? Location)> GetAsync(string path)
    {
        using var answer = await _http.GetAsync(path);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync(), answer.Headers.Location);
    }

    /// <summary>GETs <paramref name="page"/>, then posts the form named <paramref name="formName"/> with its hidden fields and <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, string formName, Dictionary<string, string> fields, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var (status, html, _) = await GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var form = FormOf(html, formName);
        var values = HiddenFields(form).Where(kv => !fields.ContainsKey(kv.Key)).ToList();
        values.AddRange(fields);
        values.AddRange(extra ?? []);
        return await _http.PostAsync(page, new FormUrlEncodedContent(values));
    }

    public static string FormOf(string html, string formName)
    {
        foreach (Match m in FormPattern().Matches(html))
        {
            if (m.Value.Contains($"name=\"_handler\" value=\"{formName}\"", StringComparison.Ordinal))
            {
                return m.Value;
            }
        }

        throw new Xunit.Sdk.XunitException($"Form '{formName}' not found on the page.");
    }

    public static List<KeyValuePair<string, string>> HiddenFields(string form) =>
        [.. HiddenPattern().Matches(form).Select(m => new KeyValuePair<string, string>(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)))];

    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    /// <summary>A redirect's target as path and query, whether the server sent it absolute or relative.</summary>
    public static string PathOf(Uri? location) =>
        location is null ? "" : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
