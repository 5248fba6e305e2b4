using System.Text.Json;
using System.Text.Json.Nodes;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Templates;

public sealed class SeedTemplateSchemaTests
{
    // Any valid seed template serves as the base that the negative tests break in one place.
    private const string Sample = "jeneponto-kesbangpol-pengumpulan-data-kinerja.json";

    public static TheoryData<string> Files() => SeedTemplates.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Template_ConformsToTheSchema(string fileName)
    {
        var errors = SeedTemplates.Validator.Validate(SeedTemplates.Load(fileName));

        Assert.True(errors.Count == 0, $"{fileName}:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public void Templates_AreExactlyOnePerSeedDocument()
    {
        var sources = SeedTemplates.FileNames()
            .Select(f => SeedTemplates.Load(f).GetProperty("document").GetProperty("source").GetString() ?? "(null)")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(SeedTemplates.SeedDocuments, sources);
    }

    [Fact]
    public void SchemaCopy_IsTheSopTemplateSchema()
    {
        // CI has ../shared beside the repository, but the tests must not depend on it: identify the copy instead.
        var schema = SeedTemplates.ReadJson(SeedTemplates.SchemaPath);

        Assert.Equal("sop-template.schema.json", schema.GetProperty("$id").GetString());
        Assert.Equal("SOP template (Standar Operasional Prosedur, format PermenPAN-RB 35/2012)", schema.GetProperty("title").GetString());
    }

    [Fact]
    public void MissingRequiredProperty_IsReportedAtItsObject()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        Step(template, 0).Remove("kind");

        var error = Assert.Single(Validate(template));

        Assert.Equal("$.steps[0]", error.Path);
        Assert.Contains("'kind'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdNotMatchingThePattern_IsReported()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        template["id"] = "Jeneponto Kesbangpol";

        var error = Assert.Single(Validate(template));

        Assert.Equal("$.id", error.Path);
        Assert.Contains("pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KindOutsideTheEnum_IsReported()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        Step(template, 4)["kind"] = "approval";

        var error = Assert.Single(Validate(template));

        Assert.Equal("$.steps[4].kind", error.Path);
    }

    [Theory]
    [InlineData("\"15 Menit\"")]
    [InlineData("15")]
    [InlineData("[\"PT15M\"]")]
    [InlineData("\"P\"")]
    public void DurationMatchingNoOneOfBranch_IsReported(string duration)
    {
        var template = SeedTemplates.LoadMutable(Sample);
        Step(template, 4)["duration"] = JsonNode.Parse(duration);

        var error = Assert.Single(Validate(template));

        Assert.Equal("$.steps[4].duration", error.Path);
        Assert.Contains("none of the 3 oneOf branches", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtraPropertyInsideADurationObject_IsReported()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        Step(template, 5)["duration"] = new JsonObject { ["default"] = "P1D", ["bulanan"] = "P2D" };

        var error = Assert.Single(Validate(template));

        Assert.Equal("$.steps[5].duration", error.Path);
        Assert.Contains("$.steps[5].duration.bulanan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DurationObjectWithoutDefault_IsReported()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        Step(template, 5)["duration"] = new JsonObject { ["tahunan"] = "P15D" };

        var error = Assert.Single(Validate(template));

        Assert.Equal("$.steps[5].duration", error.Path);
        Assert.Contains("'default'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongConstIntegerMinimumAndMinItems_AreEachReported()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        template["schemaVersion"] = 2;
        template["version"] = 0;
        template["title"] = "";
        template["roles"] = new JsonArray();
        Step(template, 0)["no"] = 1.5;

        var paths = Validate(template).Select(e => e.Path).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["$.roles", "$.schemaVersion", "$.steps[0].no", "$.title", "$.version"], paths);
    }

    [Fact]
    public void NumberWrittenWithAFraction_StillCountsAsAnInteger()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        template["version"] = JsonNode.Parse("1.0");

        Assert.Empty(Validate(template));
    }

    [Fact]
    public void NullWhereOnlyAStringIsAllowed_IsReported()
    {
        var template = SeedTemplates.LoadMutable(Sample);
        Step(template, 0)["activity"] = null;

        var error = Assert.Single(Validate(template));

        Assert.Equal("$.steps[0].activity", error.Path);
    }

    [Fact]
    public void ValueMatchingTwoOneOfBranches_IsReported()
    {
        var validator = new JsonSchemaValidator(Json("""{ "oneOf": [ { "type": "string" }, { "minLength": 1 } ] }"""));

        var error = Assert.Single(validator.Validate(Json("\"P1D\"")));

        Assert.Equal("$", error.Path);
        Assert.Contains("matches 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyNameThatIsNotAnIdentifier_IsQuotedInThePath()
    {
        var validator = new JsonSchemaValidator(Json("""{ "properties": { "nama sop": { "type": "string" } } }"""));

        var error = Assert.Single(validator.Validate(Json("""{ "nama sop": 7 }""")));

        Assert.Equal("$['nama sop']", error.Path);
    }

    [Theory]
    [InlineData("""{ "type": "string", "maxLength": 3 }""", "maxLength")]
    [InlineData("""{ "properties": { "createdAt": { "type": "string", "format": "date" } } }""", "format")]
    [InlineData("""{ "items": { "$ref": "#/$defs/step" } }""", "$ref")]
    [InlineData("""{ "oneOf": [ { "type": "null" }, { "anyOf": [] } ] }""", "anyOf")]
    [InlineData("""{ "items": [ { "type": "string" } ] }""", "items")]
    public void UnsupportedKeyword_ThrowsWhenTheValidatorIsBuilt(string schema, string keyword)
    {
        // Thrown at construction, before any instance reaches the subschema: a rule can never be skipped.
        var exception = Assert.Throws<NotSupportedException>(() => new JsonSchemaValidator(Json(schema)));

        Assert.Contains($"'{keyword}'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("day", "31", "$.schedule.day")]
    [InlineData("every", "\"bulanan\"", "$.schedule.every")]
    [InlineData("time", "\"7.30\"", "$.schedule.time")]
    public void ScheduleOutsideTheSchema_IsReportedAtItsField(string field, string value, string path)
    {
        var template = SeedTemplates.LoadMutable(Sample);
        template["schedule"]![field] = JsonNode.Parse(value);

        var error = Assert.Single(Validate(template));

        Assert.Equal(path, error.Path);
    }

    private static JsonObject Step(JsonObject template, int index) => template["steps"]![index]!.AsObject();

    private static IReadOnlyList<SchemaError> Validate(JsonObject template) =>
        SeedTemplates.Validator.Validate(JsonSerializer.SerializeToElement(template));

    private static JsonElement Json(string text) => JsonSerializer.Deserialize<JsonElement>(text);
}
