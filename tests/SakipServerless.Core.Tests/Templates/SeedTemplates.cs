using System.Text.Json;
using System.Text.Json.Nodes;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Templates;

/// <summary>The seed templates and their schema as the test project copies them to its output folder (see the csproj).</summary>
internal static class SeedTemplates
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "sop");

    public static string SchemaPath => Path.Combine(Folder, "schema", "sop-template.schema.json");

    /// <summary>The seed documents in /work/shared/seeds; each must have exactly one template.</summary>
    public static IReadOnlyList<string> SeedDocuments { get; } =
    [
        "000_f86be33a7e42c90b.txt",
        "001_a811afc54436499c.txt",
        "002_2c15a981ed081654.txt",
        "003_7086ca8ce71826dd.txt",
        "004_56724ad1e592ab86.txt",
    ];

    private static readonly Lazy<JsonSchemaValidator> SharedValidator = new(() => JsonSchemaValidator.FromFile(SchemaPath));

    public static JsonSchemaValidator Validator => SharedValidator.Value;

    /// <summary>Template file names (top level of sop/ only: the schema sits in a subfolder).</summary>
    public static IReadOnlyList<string> FileNames() =>
        Directory.GetFiles(Folder, "*.json", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Files() => new(FileNames());

    public static JsonElement Load(string fileName) => ReadJson(Path.Combine(Folder, fileName));

    // Deserializing to JsonElement yields an element that owns its data, so no JsonDocument has to stay alive.
    public static JsonElement ReadJson(string path) => JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(path));

    /// <summary>A mutable copy, for tests that break a valid template on purpose.</summary>
    public static JsonObject LoadMutable(string fileName) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, fileName)))!.AsObject();
}
