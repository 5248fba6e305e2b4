using SakipServerless.Core.Templates;

namespace SakipServerless.Importer.Tests.Support;

/// <summary>Shorthands for reading an import result in assertions.</summary>
internal static class ResultAssertions
{
    public static SopStep Step(this ImportResult result, int no) => result.Template.Steps.Single(s => s.No == no);

    public static IReadOnlyList<string> ActorTitles(this ImportResult result, int no) =>
        [.. result.Step(no).Actors.Select(id => result.Template.FindRole(id)!.Title)];

    public static IReadOnlyList<string> WarningsFor(this ImportResult result, int no) =>
        [.. result.Warnings.Where(w => w.StartsWith($"Langkah {no}:", StringComparison.Ordinal))];

    public static int? ReturnNo(this ImportResult result, int no) =>
        result.Step(no).OnReturn is { } id ? result.Template.FindStep(id)!.No : null;

    public static void AssertValidDraft(this ImportResult result) =>
        Assert.Empty(TemplateValidator.Validate(result.Template, TemplateValidationMode.Draft));
}
