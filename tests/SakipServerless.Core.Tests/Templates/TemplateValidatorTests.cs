using SakipServerless.Core.Templates;
using SakipServerless.Core.Tests.Support;

namespace SakipServerless.Core.Tests.Templates;

public sealed class TemplateValidatorTests
{
    private static SopTemplate Standard => TemplateBuilder.Standard();

    private static SopTemplate WithStep(int index, Func<SopStep, SopStep> change)
    {
        var steps = Standard.Steps.ToList();
        steps[index] = change(steps[index]);
        return Standard with { Steps = steps };
    }

    private static TemplateError Single(SopTemplate template, TemplateValidationMode mode = TemplateValidationMode.Publish) =>
        Assert.Single(TemplateValidator.Validate(template, mode));

    [Fact]
    public void ValidTemplate_HasNoErrors() => Assert.Empty(TemplateValidator.Validate(Standard));

    [Theory]
    [InlineData("kumpul", -1, "tidak sah")]
    [InlineData("kumpul", 21, "tidak sah")]
    [InlineData("disposisi", 1, "hanya berlaku untuk langkah collect")]
    public void EvidenceRule_OutOfRangeOrOnAStepWithoutUnits_IsNamed(string stepId, int files, string expected)
    {
        var template = Standard with { Steps = Standard.Steps.Select(s => s.Id == stepId ? s with { MinEvidenceFiles = files } : s).ToList() };

        var error = Assert.Single(TemplateValidator.Validate(template));

        Assert.Equal("minEvidenceFiles", error.Field);
        Assert.Equal(stepId, error.StepId);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void UnknownRole_IsNamedWithStepAndField()
    {
        var error = Single(WithStep(2, s => s with { Actors = ["bupati"] }));
        Assert.Equal("steps[2]('susun').actors[0]", error.Path);
        Assert.Equal("susun", error.StepId);
        Assert.Contains("bupati", error.Message);
    }

    [Theory]
    [InlineData("next")]
    [InlineData("onApprove")]
    [InlineData("onReturn")]
    public void DanglingLink_IsNamed(string field)
    {
        var template = WithStep(3, s => field switch
        {
            "next" => s with { Next = "hilang" },
            "onApprove" => s with { OnApprove = "hilang" },
            _ => s with { OnReturn = "hilang" },
        });
        var error = Single(template);
        Assert.Equal($"steps[3]('periksa').{field}", error.Path);
        Assert.Contains("hilang", error.Message);
    }

    [Theory]
    [InlineData("15 Menit")]
    [InlineData("1 Hari")]
    [InlineData("PT")]
    [InlineData("PT0M")]
    public void UnreadableOrZeroDuration_IsNamed(string text)
    {
        var error = Single(WithStep(1, s => s with { Duration = new StepDuration(text) }));
        Assert.Equal("steps[1]('kumpul').duration", error.Path);
    }

    [Fact]
    public void UnreadablePeriodDuration_NamesThePeriodField()
    {
        var error = Single(WithStep(1, s => s with { Duration = new StepDuration("P1D", Tahunan: "15 Hari") }));
        Assert.Equal("steps[1]('kumpul').duration.tahunan", error.Path);
    }

    [Fact]
    public void DuplicateStepIds_AreRejected()
    {
        var error = Single(WithStep(4, s => s with { Id = "kumpul" }));
        Assert.Contains("kumpul", error.Message);
        Assert.EndsWith(".id", error.Path);
    }

    [Fact]
    public void DuplicateRoleIds_AreRejected()
    {
        var template = Standard with { Roles = [.. Standard.Roles, new SopRole("kabid", "Kabid lagi")] };
        Assert.Equal("roles[3].id", Single(template).Path);
    }

    [Fact]
    public void LoopWithoutReview_IsRejected_NamingTheCycle()
    {
        // The task jumps back to the collect step: a loop nobody decides to leave.
        var error = Single(WithStep(2, s => s with { Next = "kumpul" }));
        Assert.Contains("kumpul → susun → kumpul", error.Message);
    }

    [Fact]
    public void ReviewWithoutOnReturn_IsRejected()
    {
        var error = Single(WithStep(3, s => s with { OnReturn = null }));
        Assert.Equal("steps[3]('periksa').onReturn", error.Path);
    }

    [Fact]
    public void OnReturnToALaterStep_IsRejected()
    {
        var error = Single(WithStep(3, s => s with { OnReturn = "semester" }));
        Assert.Equal("steps[3]('periksa').onReturn", error.Path);
    }

    [Fact]
    public void OnReturnToAStepMissingFromSomeOfTheReviewsPeriods_IsRejected()
    {
        var template = WithStep(2, s => s with { When = StepWhen.YearEnd });
        var error = Single(template);
        Assert.Contains("when", error.Message);
    }

    [Fact]
    public void ReviewLinksOnAnOrdinaryStep_AreRejected()
    {
        var errors = TemplateValidator.Validate(WithStep(2, s => s with { OnReturn = "kumpul", OnApprove = "periksa" }));
        Assert.Equal(["steps[2]('susun').onApprove", "steps[2]('susun').onReturn"], errors.Select(e => e.Path).Order());
    }

    [Fact]
    public void UnreachableStep_IsRejected()
    {
        var error = Single(WithStep(1, s => s with { Next = "periksa" }));
        Assert.Equal("steps[2]('susun')", error.Path);
    }

    [Fact]
    public void MissingActorsAndDuration_AreErrorsWhenPublishing_ButAllowedInADraft()
    {
        var draft = WithStep(2, s => s with { Actors = [], Duration = null });
        Assert.Equal(2, TemplateValidator.Validate(draft).Count);
        Assert.Empty(TemplateValidator.Validate(draft, TemplateValidationMode.Draft));
    }

    [Fact]
    public void EnsureValid_ThrowsWithEveryError()
    {
        var bad = WithStep(0, s => s with { Actors = ["x"], Duration = new StepDuration("besok") });
        var ex = Assert.Throws<TemplateValidationException>(() => TemplateValidator.EnsureValid(bad));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Contains("besok", ex.Message);
    }

    [Fact]
    public void BadIdsAndEmptyHeader_AreEachReported()
    {
        var template = Standard with { Id = "SOP Uji", Title = " ", Version = 0 };
        Assert.Equal(["id", "title", "version"], TemplateValidator.Validate(template).Select(e => e.Path).Order());
    }
}
