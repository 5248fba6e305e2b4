using SakipServerless.Core.Templates;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Templates;

public sealed class SopTemplateJsonTests
{
    [Fact]
    public void SeedTemplates_ParseAndValidate()
    {
        foreach (var file in SeedTemplates.FileNames())
        {
            var template = SopTemplateJson.Parse(File.ReadAllText(Path.Combine(SeedTemplates.Folder, file)));
            Assert.Empty(TemplateValidator.Validate(template));
            Assert.Equal(Path.GetFileNameWithoutExtension(file), template.Id);
        }
    }

    [Fact]
    public void PerPeriodDuration_IsRead()
    {
        var template = SopTemplateJson.Parse(File.ReadAllText(Path.Combine(SeedTemplates.Folder, "jeneponto-kesbangpol-pengumpulan-data-kinerja.json")));
        var last = template.Steps[^1];
        Assert.Equal(new StepDuration("P1D", Tahunan: "P15D"), last.Duration);
        Assert.Equal(15, last.Duration!.For(Periods.PeriodKind.Tahunan).Days);
        Assert.Equal(1, last.Duration.For(Periods.PeriodKind.Triwulan).Days);
    }

    [Fact]
    public void Serialize_ThenParse_GivesTheSameTemplate()
    {
        var template = TemplateBuilder.Standard();
        var again = SopTemplateJson.Parse(SopTemplateJson.Serialize(template));
        Assert.Equal(SopTemplateJson.Serialize(template), SopTemplateJson.Serialize(again));
        Assert.Contains("\"when\": \"semester-end\"", SopTemplateJson.Serialize(template));
    }

    [Fact]
    public void SerializedTemplate_ConformsToTheSchema()
    {
        var json = System.Text.Json.JsonDocument.Parse(SopTemplateJson.Serialize(TemplateBuilder.Standard())).RootElement;
        Assert.Empty(SeedTemplates.Validator.Validate(json));
    }

    [Theory]
    [InlineData("""{"id":"x","version":1,"title":"t","agency":{"name":"a"},"roles":[{"id":"r","title":"R"}],"steps":[{"no":1,"id":"s","activity":"a","kind":"rapatan","actors":["r"],"duration":"PT1H"}]}""", "$.steps[0].kind")]
    [InlineData("""{"id":"x","version":1,"title":"t","agency":{"name":"a"},"roles":[{"id":"r","title":"R"}],"steps":[{"no":1,"id":"s","activity":"a","kind":"task","actors":["r"],"duration":{"tahunan":"P1D"}}]}""", "$.steps[0].duration")]
    [InlineData("""{"id":"x","version":1,"title":"t","agency":{"name":"a"},"roles":[{"id":"r","title":"R"}],"steps":[{"no":1,"id":"s","activity":"a","kind":"task","actors":["r"],"duration":{"default":"P1D","bulanan":"P2D"}}]}""", "$.steps[0].duration")]
    [InlineData("""{"id":"x","version":1,"title":"t","agency":{"name":"a"},"roles":[{"id":"r","title":"R"}]}""", "steps")]
    [InlineData("""{"id":"x", """, "")]
    public void Unreadable_Json_IsAFormatErrorNamingWhere(string json, string where)
    {
        var ex = Assert.Throws<TemplateFormatException>(() => SopTemplateJson.Parse(json));
        Assert.Contains(where, ex.Message);
        Assert.StartsWith("Template tidak dapat dibaca", ex.Message);
    }
}
