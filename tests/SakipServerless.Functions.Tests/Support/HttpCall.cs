namespace SakipServerless.Functions.Tests.Support;

/// <summary>One request, sent the same way to either host.</summary>
public sealed record HttpCall(string Method, string Path, string? JsonBody = null, string? Bearer = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static HttpCall Get(string path, string? bearer = null) => new("GET", path, Bearer: bearer);

    public static HttpCall Post(string path, string json, string? bearer = null) => new("POST", path, json, bearer);
}

/// <summary>What came back: status, content type and body text.</summary>
public sealed record HttpAnswer(int Status, string? ContentType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public System.Text.Json.JsonElement Json() => System.Text.Json.JsonDocument.Parse(Body).RootElement.Clone();
}
