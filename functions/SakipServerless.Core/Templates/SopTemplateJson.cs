using System.Text.Json;
using System.Text.Json.Serialization;

namespace SakipServerless.Core.Templates;

/// <summary>Reads and writes templates in the JSON shape of <c>sop-template.schema.json</c>.</summary>
public static class SopTemplateJson
{
    /// <summary>Options matching the schema: camelCase names, kebab-case enum values (<c>semester-end</c>).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Parses template JSON; shape errors become a <see cref="TemplateFormatException"/> naming the JSON path.</summary>
    public static SopTemplate Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SopTemplate>(json, Options)
                ?? throw new TemplateFormatException("Template kosong (null).");
        }
        catch (JsonException ex)
        {
            string where = ex.Path is null ? "" : $" di {ex.Path}";
            string line = ex.LineNumber is null ? "" : $" (baris {ex.LineNumber + 1})";
            throw new TemplateFormatException($"Template tidak dapat dibaca{where}{line}: {ex.Message}", ex);
        }
    }

    public static string Serialize(SopTemplate template) => JsonSerializer.Serialize(template, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            RespectNullableAnnotations = false,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new StepDurationJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
