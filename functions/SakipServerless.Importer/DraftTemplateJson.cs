using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SakipServerless.Core.Templates;

namespace SakipServerless.Importer;

/// <summary>
/// Writes an imported draft as template JSON (the schema's shape plus <c>importWarnings</c>). The shared template
/// writer leaves out null values; a draft keeps <c>"duration": null</c> because the schema requires the field and
/// null is how a draft says the document gave no readable duration. Convenience properties of the model that the
/// schema does not define are left out, and text is written unescaped so a reviewer can read it.
/// </summary>
public static class DraftTemplateJson
{
    private static readonly JsonSerializerOptions Output = new(SopTemplateJson.Options)
    {
        // Not for embedding in HTML: the draft is a JSON file or an application/json response.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly string[] ModelOnlyTemplateProperties = ["versionKey"];
    private static readonly string[] ModelOnlyStepProperties = ["assigneeRole"];

    public static string Serialize(ImportResult result)
    {
        var template = result.Template with { ImportWarnings = result.Findings };
        var node = JsonNode.Parse(SopTemplateJson.Serialize(template))!.AsObject();
        foreach (var name in ModelOnlyTemplateProperties)
        {
            node.Remove(name);
        }

        if (node["steps"] is JsonArray steps)
        {
            foreach (var step in steps.OfType<JsonObject>())
            {
                foreach (var name in ModelOnlyStepProperties)
                {
                    step.Remove(name);
                }

                if (!step.ContainsKey("duration"))
                {
                    step["duration"] = null;
                }
            }
        }

        return node.ToJsonString(Output);
    }
}
