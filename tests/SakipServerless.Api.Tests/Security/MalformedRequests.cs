using System.Net.Http.Headers;
using System.Text;

namespace SakipServerless.Api.Tests.Security;

/// <summary>
/// Generates malformed requests for the write endpoints, reproducibly from a seed. Every request is invalid by
/// construction — broken JSON, a value of the wrong type, or a value the endpoint's rules refuse — while the other
/// fields carry hostile but well-typed values (huge strings, Unicode edge cases), so a 2xx answer is a finding.
/// </summary>
public sealed class MalformedRequests(Random random, string runId, string fileId)
{
    /// <summary>One write endpoint: how to address it and, per field, values that are well-typed and values that are never accepted.</summary>
    private sealed record Target(string Name, string Method, Func<Random, string> Url, IReadOnlyList<Field> Fields, bool Json = true);

    private sealed record Field(string Name, string[] Plausible, string[] Invalid);

    private static readonly string Huge = "\"" + new string('ä', 60_000) + "\"";

    /// <summary>Strings that are valid JSON text but hostile: Unicode edge cases, control escapes, markup, huge.</summary>
    private static readonly string[] HostileText =
    [
        "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u202eexe.pdf\"", "\"\\ufeff\"", "\"\\u200b\\u200d\"",
        "\"𝕊𝔸𝕂𝕀ℙ 👨‍👩‍👧 مرحبا\"", "\"" + string.Concat(Enumerable.Repeat("e\u0301", 2000)) + "\"", "\"<script>alert(1)</script>\"",
        "\"'; DROP TABLE runs; --\"", "\"../../../../etc/passwd\"", "\"%00%2e%2e%2f\"", "\"\\r\\nSet-Cookie: x=y\"", "\"\"", "\"   \"", Huge,
    ];

    // Numbers in quotes ("12") are not on these lists: the API reads JSON with the web defaults, which accept them.

    /// <summary>Values of the wrong JSON type for a string field.</summary>
    private static readonly string[] NotText = ["123", "-1", "1e400", "true", "[]", "[\"a\"]", "{}", "{\"$ref\":\"#\"}"];


    private static readonly string[] BadIds = ["\"TIDAK-ADA\"", "\"a/b\"", "\"..\"", "\"\\u0000\"", "\"\\ud800\"", "\"ζ-ω\"", "\" \"", Huge, "123", "[]", "{}"];

    private static readonly string[] BadPeriods = ["\"2026-Q5\"", "\"2026-Q0\"", "\"1999-Q1\"", "\"2026Q1\"", "\"Q1-2026\"", "\"2026-q\"", "\"\"", "\"\\u0000\"", Huge, "2026", "-1", "null", "[\"2026-Q1\"]"];

    private static string Garbage(Random r) => new[] { "%2500", "..%2F..%2Fetc", "%F0%9F%92%A9", new string('x', 3000), "ZZZ", "%ED%A0%80", "run-" + r.Next() }[r.Next(7)];

    private IReadOnlyList<Target> Targets() =>
    [
        new("start run", "POST", _ => "/api/runs", [new("opdId", ["\"kesbangpol\"", "\"bappeda\""], BadIds), new("period", ["\"2026-Q3\""], BadPeriods)]),
        new("start all", "POST", _ => "/api/runs/start-all", [new("period", [], BadPeriods)]),
        new("suspend", "POST", r => $"/api/runs/{runId}/suspend", [new("reason", [], [.. NotText, "null"])]),
        new("terminate", "POST", r => $"/api/runs/{runId}/terminate", [new("reason", [], [.. NotText, "null"])]),
        new("resume", "POST", r => $"/api/runs/{Maybe(r, runId)}/resume", [new("anything", HostileText, NotText)]),
        new("restart step", "POST", r => $"/api/runs/{runId}/steps/menugaskan-kasubag-kasubid/restart", [new("reason", [], [.. NotText, "null"])]),
        new("complete step", "POST", r => $"/api/runs/{runId}/steps/{Maybe(r, "menyerahkan-bahan-laporan")}/complete",
            [new("output", HostileText, NotText), new("kelengkapan", ["[\"Disposisi\"]"], ["\"Disposisi\"", "[1]", "[null]", "{}"]), new("evidenceFileIds", ["[]"], ["[\"file-x\"]", "[1]", "\"x\""])]),
        new("approve", "POST", r => $"/api/runs/{runId}/steps/{Maybe(r, "memeriksa-laporan-kinerja")}/approve",
            [new("output", HostileText, NotText), new("kelengkapan", ["[\"Laporan Kinerja\"]"], ["[[]]", "1"])]),
        new("return step", "POST", r => $"/api/runs/{runId}/steps/memeriksa-laporan-kinerja/return", [new("reason", HostileText, [.. NotText, "null"])]),
        new("submit", "POST", r => $"/api/runs/{runId}/steps/menyerahkan-bahan-laporan/units/{Maybe(r, "bid-politik")}/submit",
        [
            new("realisasi", ["[{\"indicatorId\":\"kesbangpol-iku-1\",\"value\":80}]"],
            [
                "[{\"indicatorId\":\"kesbangpol-iku-1\",\"value\":150}]", "[{\"indicatorId\":\"kesbangpol-iku-1\",\"value\":-5}]",
                "[{\"indicatorId\":\"kesbangpol-iku-2\",\"value\":1.5}]", "[{\"indicatorId\":\"kesbangpol-iku-1\",\"value\":1e400}]",
                "[{\"indicatorId\":\"kesbangpol-iku-1\",\"value\":\"NaN\"}]", "[{\"indicatorId\":\"kesbangpol-iku-1\"}]", "[{\"value\":1}]",
                "[{\"indicatorId\":\"bappeda-iku-1\",\"value\":1}]", "[{\"indicatorId\":" + Huge + ",\"value\":1}]", "[{\"indicatorId\":\"\\ud800\",\"value\":1}]",
                "[null]", "[1,2]", "\"x\"", "{}", "[{\"indicatorId\":\"kesbangpol-iku-1\",\"value\":1},{\"indicatorId\":\"kesbangpol-iku-1\",\"value\":2}]",
            ]),
            new("evidenceFileIds", ["[]", $"[\"{fileId}\"]"], ["[\"file-tidak-ada\"]", "[\"\"]", "[null]", "[1]", "\"x\"", "[" + Huge + "]"]),
            new("note", HostileText, NotText),
        ]),
        new("accept unit", "POST", r => $"/api/runs/{runId}/steps/menyerahkan-bahan-laporan/units/{Maybe(r, "bid-ideologi")}/accept", [new("anything", HostileText, NotText)]),
        new("return unit", "POST", r => $"/api/runs/{runId}/steps/menyerahkan-bahan-laporan/units/bid-ideologi/return", [new("reason", HostileText, [.. NotText, "null"])]),
        new("create user", "POST", _ => "/api/users",
            [new("id", [], BadIds), new("name", HostileText, NotText), new("roles", ["[\"admin\"]", "[]"], ["[\"system\"]", "[null]", "\"admin\"", "[1]"]), new("opdId", ["null"], ["\"tidak-ada\"", "1"])]),
        new("update user", "PUT", r => $"/api/users/{Maybe(r, "kesbangpol-bid-politik")}",
            [new("name", [], [.. NotText, "null", "\"" + new string('n', 201) + "\""]), new("roles", ["[]"], ["[\"system\"]", "[\"raja\"]", "[null]", "1"]), new("opdId", ["\"kesbangpol\""], ["\"tidak-ada\"", "[]"]),
             new("unitId", ["\"bid-politik\""], ["\"tidak-ada\"", "7"])]),
        new("create OPD", "POST", _ => "/api/opds",
            [new("id", [], BadIds), new("name", HostileText, NotText), new("templateId", ["\"jeneponto-kesbangpol-pengumpulan-data-kinerja\""], ["\"tidak-ada\"", "1"]), new("units", ["[]"], ["[{\"id\":\"X Y\",\"name\":\"a\"}]", "[null]", "{}"])]),
        new("update OPD", "PUT", r => $"/api/opds/{Maybe(r, "kesbangpol")}",
            [new("name", [], [.. NotText, "null", "\"" + new string('o', 201) + "\""]), new("templateId", ["\"jeneponto-kesbangpol-pengumpulan-data-kinerja\""], ["\"tidak-ada\"", "null"]),
             new("units", ["[{\"id\":\"bid-politik\",\"name\":\"Politik\"}]"], ["[{\"id\":\"a\",\"name\":\"A\"},{\"id\":\"a\",\"name\":\"B\"}]", "[{\"id\":\"\\u0000\",\"name\":\"A\"}]", "[1]"])]),
        new("create indicator", "POST", r => $"/api/opds/{Maybe(r, "kesbangpol")}/indicators",
            [new("kode", ["\"IKU 7\""], [.. NotText, "null", "\"---\"", "\"" + new string('k', 51) + "\""]), new("year", ["2026"], ["1999", "2101", "-1", "\"20x6\"", "2026.5", "1e400"]),
             new("sasaran", HostileText, NotText), new("name", HostileText, NotText), new("satuan", ["\"%\""], ["null", "\"" + new string('s', 51) + "\"", "5"]),
             new("polarity", ["\"positive\""], ["\"naik\"", "0", "null"]), new("aggregation", ["\"kumulatif\""], ["\"rata\"", "1", "null"]),
             new("targetTahunan", ["80"], ["-1", "1e400", "\"NaN\"", "150"]), new("min", ["null"], ["\"a\"", "[]"]), new("max", ["null"], ["{}", "true"])]),
        new("update indicator", "PUT", r => $"/api/opds/kesbangpol/indicators/{Maybe(r, "kesbangpol-iku-1")}",
            [new("kode", [], [.. NotText, "null"]), new("year", ["2026"], ["0", "3000"]), new("polarity", ["\"negative\""], ["\"\"", "[]"]), new("targetQ1", ["1"], ["-9", "\"x\"", "1e400"])]),
        new("delete indicator", "DELETE", r => $"/api/opds/kesbangpol/indicators/{Garbage(r)}", [], Json: false),
        new("import indicators", "POST", r => $"/api/opds/kesbangpol/indicators/import?year={new[] { "abc", "99999", "-1", "", "2026.5", "%00" }[r.Next(6)]}", [], Json: false),
        new("update pemda", "PUT", _ => "/api/tenants/current",
            [new("name", HostileText, NotText), new("timeZone", ["\"Asia/Makassar\""], ["\"Mars/Olympus\"", "\"UTC+8\"", "\"../../etc/localtime\"", "8", "null"]),
             new("liburDaerah", ["[]"], ["[\"2026-13-40\"]", "[\"kemarin\"]", "[1]", "\"2026-01-01\""]), new("capaianCap", ["120"], ["-1", "\"NaN\"", "1e400", "[]"])]),
        new("publish template", "POST", _ => "/api/templates",
            [new("id", ["\"uji\""], ["null", "5", "\"\""]), new("title", HostileText, NotText), new("steps", [], ["\"banyak\"", "5", "[{}]", "[null]", "{}"]), new("roles", ["[]"], ["1", "[1]"])]),
        new("inbox read", "POST", r => $"/api/me/inbox/{Garbage(r)}/read", [], Json: false),
        new("dev sign-in", "POST", _ => "/api/dev/token", [new("tenantId", ["\"jeneponto\""], [.. BadIds, "null"]), new("userId", ["\"admin\""], ["\"tidak-ada\"", "null", "\"\"", "[]", Huge])]),
        new("dev clock", "POST", _ => "/api/dev/clock", [new("hours", [], ["-1", "0", "1e7", "\"satu\"", "1e400", "[]", "\"NaN\""]), new("days", ["0"], ["-400", "400", "true"])]),
        new("start upload", "POST", r => $"/api/runs/{Maybe(r, runId)}/uploads",
            [new("fileName", ["\"a.pdf\""], ["\"../a.pdf\"", "\"a.exe\"", "\"\\u0000.pdf\"", "\"\\ud800.pdf\"", "\"\"", "null", "5", Huge]),
             new("size", ["1000"], ["0", "-1", "1e400", "99999999999", "\"sepuluh\"", "null"]), new("sha256", ["null"], ["\"xyz\"", "\"" + new string('g', 64) + "\"", "1"]),
             new("contentType", ["\"application/pdf\"", "null"], ["\"image/png\"", "5"])]),
        new("upload chunk", "PUT", r => $"/api/runs/{runId}/uploads/{Garbage(r)}", [], Json: false),
        new("commit upload", "POST", r => $"/api/runs/{runId}/uploads/{Garbage(r)}/commit", [], Json: false),
        new("upload file", "POST", r => $"/api/runs/{runId}/files?fileName={Uri.EscapeDataString(new[] { "x.exe", "../x.pdf", "a\0.pdf", "x.pdf", "x.svg", "....", "x.docx" }[r.Next(7)])}", [], Json: false),
    ];

    private static string Maybe(Random r, string real) => r.Next(4) == 0 ? Garbage(r) : real;

    /// <summary>Broken JSON texts: each fails to parse, or is not the object the endpoint reads.</summary>
    private static readonly string[] BrokenJson =
    [
        "", "{", "}", "{\"a\":", "{\"a\":1,}", "{'a':1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":1 /* c */}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":\"\\x41\"}",
        "{\"a\":\"\u0001\"}", "nul", "[", "\"", "{\"a\":tru}", "{\"a\" 1}", "{a:1}", "\u0000{}", new string('[', 5000) + new string(']', 5000),
        "{\"a\":" + new string('[', 100) + new string(']', 100) + "}", "{\"a\":\"" + new string('x', 100) + "}",
    ];

    /// <summary>Byte sequences that are not UTF-8, in a body declared as UTF-8 JSON.</summary>
    private static readonly byte[][] BadBytes = [[0xC3, 0x28], [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D], [0xFE, 0xFF, 0x00, 0x7B, 0x00, 0x7D], [0xED, 0xA0, 0x80]];

    /// <summary>The next malformed request and the name of the endpoint it targets.</summary>
    public (string Target, HttpRequestMessage Request) Next()
    {
        var targets = Targets();
        var target = targets[random.Next(targets.Count)];
        var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url(random));
        request.Content = !target.Json ? RawBody(target) : random.Next(10) switch
        {
            < 3 => Syntax(),
            3 => Wrapped(),
            _ => FieldMutation(target),
        };
        return (target.Name, request);
    }

    private HttpContent Syntax()
    {
        if (random.Next(4) == 0)
        {
            var bytes = new ByteArrayContent(BadBytes[random.Next(BadBytes.Length)]);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return bytes;
        }

        return new StringContent(BrokenJson[random.Next(BrokenJson.Length)], Encoding.UTF8, "application/json");
    }

    /// <summary>Valid JSON that is not an object, or an object under the wrong content type.</summary>
    private HttpContent Wrapped() => random.Next(6) switch
    {
        0 => new StringContent("null", Encoding.UTF8, "application/json"),
        1 => new StringContent("[{\"reason\":\"x\"}]", Encoding.UTF8, "application/json"),
        2 => new StringContent("\"reason\"", Encoding.UTF8, "application/json"),
        3 => new StringContent("12345", Encoding.UTF8, "application/json"),
        4 => new StringContent("[" + string.Join(',', Enumerable.Range(0, 50_000)) + "]", Encoding.UTF8, "application/json"),
        _ => new StringContent("{\"reason\":\"x\"}", Encoding.UTF8, "text/plain"),
    };

    private HttpContent FieldMutation(Target target)
    {
        var invalid = target.Fields.Where(f => f.Invalid.Length > 0).ToList();
        var broken = invalid[random.Next(invalid.Count)];
        var members = new List<string>();
        foreach (var field in target.Fields.OrderBy(_ => random.Next()))
        {
            string? value = field == broken ? field.Invalid[random.Next(field.Invalid.Length)]
                : random.Next(5) == 0 || field.Plausible.Length == 0 ? (field.Invalid.Length > 0 && random.Next(2) == 0 ? field.Invalid[random.Next(field.Invalid.Length)] : null)
                : field.Plausible[random.Next(field.Plausible.Length)];
            if (value is not null)
            {
                members.Add($"\"{field.Name}\":{value}");
            }
        }

        if (random.Next(5) == 0)
        {
            members.Add($"\"{new[] { "__proto__", "$type", "constructor", "Id\u0000" }[random.Next(4)]}\":{HostileText[random.Next(HostileText.Length)]}");
        }

        return new StringContent("{" + string.Join(',', members) + "}", Encoding.UTF8, "application/json");
    }

    /// <summary>Bodies of the endpoints that do not read JSON: random bytes under assorted types, or bad chunk headers.</summary>
    private HttpContent RawBody(Target target)
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(new[] { "application/octet-stream", "application/pdf", "text/csv", "image/png", "multipart/form-data; boundary=x" }[random.Next(5)]);
        if (target.Name == "upload chunk")
        {
            string[] ranges = ["bytes 0-10/5", "bytes 5-1/10", "bytes -1-5/10", "bytes */10", "items 0-1/2", "bytes 0-99999999999999999999/1", "bytes 0-0/0", ""];
            content.Headers.TryAddWithoutValidation("Content-Range", ranges[random.Next(ranges.Length)]);
        }

        return content;
    }
}
