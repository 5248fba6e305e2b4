using System.Text.Json.Nodes;
using SakipServerless.Core.Templates;
using SakipServerless.Importer.Tests.Support;

namespace SakipServerless.Importer.Tests;

public sealed class DraftTemplateJsonTests
{
    [Fact]
    public void Draft_ReadsBackAsTheSameTemplate_WithItsWarnings()
    {
        var result = CuratedSeed.For("000_f86be33a7e42c90b.txt").Import();

        var back = SopTemplateJson.Parse(DraftTemplateJson.Serialize(result));

        Assert.Equal(SopTemplateJson.Serialize(result.Template), SopTemplateJson.Serialize(back));
        Assert.Equal(result.Findings, back.ImportWarnings);
        Assert.Equal(new StepDuration("P1D", Tahunan: "P15D"), back.Steps[5].Duration);
    }

    [Fact]
    public void Draft_HasTheSchemaShape_DurationAlwaysPresent_NoModelOnlyProperties()
    {
        var result = new SopDocumentBuilder().Row(1, "Menyusun laporan", waktu: "?").Import();

        var json = JsonNode.Parse(DraftTemplateJson.Serialize(result))!.AsObject();
        var step = json["steps"]![0]!.AsObject();

        Assert.True(step.ContainsKey("duration"));
        Assert.Null(step["duration"]);
        Assert.False(step.ContainsKey("assigneeRole"));
        Assert.False(json.ContainsKey("versionKey"));
        Assert.Equal(1, (int)json["schemaVersion"]!);
        foreach (var required in new[] { "schemaVersion", "id", "version", "title", "agency", "roles", "steps", "importWarnings" })
        {
            Assert.True(json.ContainsKey(required), required);
        }

        foreach (var required in new[] { "no", "id", "activity", "kind", "actors", "duration" })
        {
            Assert.True(step.ContainsKey(required), required);
        }
    }

    [Fact]
    public void Draft_KeepsIndonesianTextReadable()
    {
        var result = CuratedSeed.For("001_a811afc54436499c.txt").Import();

        string json = DraftTemplateJson.Serialize(result);

        Assert.Contains("\"SOP – 01/BAPPEDALITBANG\"", json);
        Assert.DoesNotContain("\\u", json);
    }
}
