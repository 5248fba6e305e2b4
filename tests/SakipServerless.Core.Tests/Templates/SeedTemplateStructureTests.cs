using System.Text.Json;
using SakipServerless.Core.Calendar;

namespace SakipServerless.Core.Tests.Templates;

/// <summary>
/// Facts the engine relies on that the schema cannot express: references between roles and steps,
/// the return loop, step order and readable durations.
/// </summary>
public sealed class SeedTemplateStructureTests
{
    public static TheoryData<string> Files() => SeedTemplates.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void FileName_IsTheTemplateId(string fileName)
    {
        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), SeedTemplates.Load(fileName).GetProperty("id").GetString());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void RoleAndStepIds_AreUnique(string fileName)
    {
        var template = SeedTemplates.Load(fileName);

        AssertUnique(RoleIds(template), "role id");
        AssertUnique(Steps(template).Select(s => s.GetProperty("id").GetString()!).ToList(), "step id");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryStep_HasAnAssignee_AndEveryActorIsADeclaredRole(string fileName)
    {
        var template = SeedTemplates.Load(fileName);
        var roles = RoleIds(template).ToHashSet(StringComparer.Ordinal);

        foreach (var step in Steps(template))
        {
            var actors = step.GetProperty("actors").EnumerateArray().Select(a => a.GetString()!).ToList();
            // Empty actors are allowed only in importer output; a seed template must name who completes each step.
            Assert.True(actors.Count > 0, $"step {Id(step)} has no actors");
            AssertUnique(actors, $"actor of step {Id(step)}");
            Assert.All(actors, a => Assert.True(roles.Contains(a), $"step {Id(step)} names undeclared role '{a}'"));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryJump_NamesAnExistingStep(string fileName)
    {
        var steps = Steps(SeedTemplates.Load(fileName));
        var stepIds = steps.Select(Id).ToHashSet(StringComparer.Ordinal);

        foreach (var step in steps)
        {
            foreach (var jump in new[] { "next", "onApprove", "onReturn" })
            {
                if (Reference(step, jump) is { } target)
                {
                    Assert.True(stepIds.Contains(target), $"step {Id(step)}: {jump} '{target}' is not a step");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryReview_ReturnsToAnEarlierStep(string fileName)
    {
        var steps = Steps(SeedTemplates.Load(fileName));
        var indexOf = steps.Select((s, i) => (Id: Id(s), i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        for (int i = 0; i < steps.Count; i++)
        {
            bool isReview = steps[i].GetProperty("kind").GetString() == "review";
            string? onReturn = Reference(steps[i], "onReturn");
            if (isReview)
            {
                Assert.True(onReturn is not null, $"review step {Id(steps[i])} has no onReturn");
                Assert.True(
                    indexOf.TryGetValue(onReturn, out int target) && target < i,
                    $"review step {Id(steps[i])} returns to '{onReturn}', which is not an earlier step");
            }
            else
            {
                // Only a review's approve/return decision follows these jumps; on other steps they would be dead data that misleads a reader.
                Assert.True(onReturn is null && Reference(steps[i], "onApprove") is null, $"step {Id(steps[i])} is not a review but has review jumps");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Template_HasACollectStepAndAReviewStep(string fileName)
    {
        var kinds = Steps(SeedTemplates.Load(fileName)).Select(s => s.GetProperty("kind").GetString()).ToList();

        Assert.Contains("collect", kinds);
        Assert.Contains("review", kinds);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void StepNumbers_RunFromOneToNInOrder(string fileName)
    {
        var numbers = Steps(SeedTemplates.Load(fileName)).Select(s => s.GetProperty("no").GetInt32()).ToList();

        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Durations_AreIsoDurations(string fileName)
    {
        foreach (var step in Steps(SeedTemplates.Load(fileName)))
        {
            var duration = step.GetProperty("duration");
            // The schema checks only the string form's pattern; an object's values are bare strings there.
            var texts = duration.ValueKind == JsonValueKind.Object
                ? duration.EnumerateObject().Select(p => p.Value.GetString()).ToList()
                : [duration.ValueKind == JsonValueKind.String ? duration.GetString() : null];

            Assert.All(texts, t => Assert.True(
                WorkDuration.TryParse(t, out var d) && !d.IsZero,
                $"step {Id(step)}: '{t ?? "null"}' is not a non-zero ISO duration such as PT15M, PT1H or P1D"));
        }
    }

    private static List<JsonElement> Steps(JsonElement template) => template.GetProperty("steps").EnumerateArray().ToList();

    private static List<string> RoleIds(JsonElement template) =>
        template.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();

    private static string Id(JsonElement step) => step.GetProperty("id").GetString()!;

    private static string? Reference(JsonElement step, string property) =>
        step.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void AssertUnique(IReadOnlyList<string> values, string what)
    {
        var duplicates = values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"duplicate {what}: {string.Join(", ", duplicates)}");
    }
}
