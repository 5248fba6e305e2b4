extern alias dashboard;
using dashboard::SakipServerless.Dashboard.Admin;
using SakipServerless.Core.Templates;

namespace SakipServerless.Dashboard.Tests.Unit;

/// <summary>The admin's corrections to an imported draft, validated as they are typed with the backend's publish rules.</summary>
public sealed class TemplateDraftTests
{
    private static TemplateDraft Seed()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "sop-templates");
        string json = File.ReadAllText(Directory.EnumerateFiles(folder, "*.json").Order().First());
        return TemplateDraft.TryRead(json, out string? problem) ?? throw new InvalidOperationException(problem);
    }

    [Fact]
    public void APublishedSeed_HasNothingToFix()
    {
        var draft = Seed();
        Assert.Empty(draft.Errors);
        Assert.True(draft.CanPublish);
    }

    [Fact]
    public void AnUnreadableWaktu_IsNamedAtItsStep_AndClearsWhenCorrected()
    {
        var draft = Seed();
        string step = draft.Template.Steps[1].Id;

        var wrong = draft.WithDuration(step, "dua jam");
        Assert.False(wrong.CanPublish);
        Assert.Contains(wrong.ErrorsOf(step, "duration"), m => m.Contains("tidak dapat dibaca", StringComparison.Ordinal));
        Assert.Empty(wrong.ErrorsOf(draft.Template.Steps[0].Id, "duration"));
        Assert.Contains("DUA JAM", wrong.Json, StringComparison.Ordinal); // what was typed is what the form sends

        var fixedAgain = wrong.WithDuration(step, "pt2h");
        Assert.Empty(fixedAgain.ErrorsOf(step, "duration"));
        Assert.Equal("PT2H", fixedAgain.Template.Steps[1].Duration!.Default);
        Assert.True(fixedAgain.CanPublish);
    }

    [Fact]
    public void APelaksana_CanBeUnsetAndChosen_KeepingTheOthersTakingPart()
    {
        var draft = Seed();
        var step = draft.Template.Steps.First(s => s.Actors.Count >= 1);
        string other = draft.Template.Roles.First(r => r.Id != step.AssigneeRole).Id;

        var none = draft.WithAssignee(step.Id, "");
        if (step.Actors.Count == 1)
        {
            Assert.Contains(none.ErrorsOf(step.Id, "actors"), m => m.Contains("pelaksana", StringComparison.OrdinalIgnoreCase));
        }

        var chosen = draft.WithAssignee(step.Id, other);
        Assert.Equal(other, chosen.Template.Steps.First(s => s.Id == step.Id).AssigneeRole);
        Assert.Equal(step.Actors.Skip(1).Where(a => a != other), chosen.Template.Steps.First(s => s.Id == step.Id).Actors.Skip(1));
        Assert.Empty(chosen.ErrorsOf(step.Id, "actors"));
    }

    [Fact]
    public void BrokenJson_IsAProblem_NotAnException()
    {
        Assert.Null(TemplateDraft.TryRead("{ \"id\": ", out string? problem));
        Assert.StartsWith("Draf tidak dapat dibaca", problem);
    }
}
