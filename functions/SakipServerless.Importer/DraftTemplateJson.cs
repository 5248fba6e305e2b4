using System.Text.Json.Nodes;
using SakipServerless.Core.Templates;

namespace SakipServerless.Importer;

/// <summary>
/// Writes an imported draft as template JSON (the schema's shape plus <c>importWarnings</c>). The shared template
/// writer leaves out null values; a draft keeps <c>"duration": null</c> because the schema requires the field and
/// null is how a draft says the document gave no readable duration.
/// </summary>
public static class DraftTemplateJson
{
    public static string Serialize(ImportResult result)
    {
        var template = result.Template with { ImportWarnings = result.Warnings };
        var node = JsonNode.Parse(SopTemplateJson.Serialize(template))!.AsObject();
        if (node["steps"] is JsonArray steps)
        {
            foreach (var step in steps.OfType<JsonObject>())
            {
                if (!step.ContainsKey("duration"))
                {
                    step["duration"] = null;
                }
            }
        }

        return node.ToJsonString(SopTemplateJson.Options);
    }
}
