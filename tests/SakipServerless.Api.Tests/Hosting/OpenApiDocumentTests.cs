using System.Net;
using System.Text.Json;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Hosting;

/// <summary>
/// Walks every operation of <c>/api/openapi.json</c>: a client generated from it must know each body, its content
/// types, and the problem+json answers it can get. A route added without them fails here, by name.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private static readonly string[] WithBody = ["post", "put", "patch"];
    private readonly ApiFactory _factory = new();
    private JsonElement _document;

    public async Task InitializeAsync() => _document = await (await _factory.CreateClient().GetAsync("/api/openapi.json")).JsonAsync(HttpStatusCode.OK);

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void EveryWriteOperation_DocumentsItsBody_WithContentTypesAndSchemas_OrSaysItTakesNone()
    {
        var faults = new List<string>();
        foreach (var (name, operation) in Operations().Where(o => WithBody.Contains(o.Method)).Select(o => (o.Name, o.Operation)))
        {
            bool noBody = operation.TryGetProperty("x-sakip-no-body", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (!operation.TryGetProperty("requestBody", out var body))
            {
                if (!noBody)
                {
                    faults.Add($"{name}: no requestBody and not marked x-sakip-no-body");
                }

                continue;
            }

            if (noBody)
            {
                faults.Add($"{name}: both a requestBody and x-sakip-no-body");
            }

            if (!body.TryGetProperty("content", out var content) || !content.EnumerateObject().Any())
            {
                faults.Add($"{name}: requestBody without content types");
                continue;
            }

            faults.AddRange(content.EnumerateObject().Where(media => !media.Value.TryGetProperty("schema", out _))
                .Select(media => $"{name}: {media.Name} without a schema"));
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void EveryOperation_DocumentsItsProblemAnswers()
    {
        var faults = new List<string>();
        foreach (var (method, path, name, operation) in Operations())
        {
            var responses = operation.GetProperty("responses");
            if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('2')))
            {
                faults.Add($"{name}: no success answer");
            }

            var problems = responses.EnumerateObject()
                .Where(r => r.Name[0] is '4' or '5' && r.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out _))
                .Select(r => r.Name).ToHashSet();
            bool open = path is "/api/health" or "/api/dev/token";
            var expected = new List<string>();
            if (!open)
            {
                expected.AddRange(["401", "403"]);
            }

            if (path.Contains('{'))
            {
                expected.Add("404");
            }

            if (WithBody.Contains(method) || operation.TryGetProperty("parameters", out var ps) && ps.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query"))
            {
                expected.Add("400");
            }

            if (WithBody.Contains(method) && operation.TryGetProperty("requestBody", out _))
            {
                expected.Add("413");
            }

            if (path is "/api/dev/token" || path.Contains("/uploads", StringComparison.Ordinal) && method is "post" or "put"
                || path.EndsWith("/files", StringComparison.Ordinal) && method == "post")
            {
                expected.Add("429");
            }

            faults.AddRange(expected.Where(status => !problems.Contains(status)).Select(status => $"{name}: no problem+json {status}"));
        }

        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void TheTemplateRoutes_NameTheirBodies()
    {
        var paths = _document.GetProperty("paths");
        var publish = paths.GetProperty("/api/templates").GetProperty("post");
        Assert.True(publish.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        Assert.True(publish.GetProperty("responses").TryGetProperty("201", out _));

        var import = paths.GetProperty("/api/templates/import").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.Equal("binary", import.GetProperty("application/octet-stream").GetProperty("schema").GetProperty("format").GetString());
    }

    private IEnumerable<(string Method, string Path, string Name, JsonElement Operation)> Operations() =>
        from path in _document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select (operation.Name, path.Name, $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);
}
