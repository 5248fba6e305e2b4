using SakipServerless.Core.Templates;

namespace SakipServerless.Dashboard.Admin;

/// <summary>
/// An imported SOP draft as the admin corrects it before publishing: each edit (a step's kind, its pelaksana, its
/// waktu, its activity) makes a new template and validates it with the same rules the backend applies on publish,
/// so the editor shows what is wrong while the admin types. The backend validates again on publish.
/// </summary>
public sealed class TemplateDraft
{
    private TemplateDraft(SopTemplate template, string json)
    {
        Template = template;
        Json = json;
        Errors = TemplateValidator.Validate(template);
    }

    public SopTemplate Template { get; }

    /// <summary>The draft as the publish form sends it.</summary>
    public string Json { get; }

    /// <summary>What would stop publishing, by path, step and field (TemplateValidator in publish mode).</summary>
    public IReadOnlyList<TemplateError> Errors { get; }

    /// <summary>Import warnings that block publishing until the field they name is filled.</summary>
    public IReadOnlyList<ImportWarning> Blockers => ImportWarningBlockers.Outstanding(Template);

    public bool CanPublish => Errors.Count == 0 && Blockers.Count == 0;

    /// <summary>Reads a draft's JSON; null with the reason when the template reader cannot read it.</summary>
    public static TemplateDraft? TryRead(string json, out string? problem)
    {
        try
        {
            problem = null;
            return new TemplateDraft(SopTemplateJson.Parse(json), json);
        }
        catch (Exception e) when (e is TemplateFormatException or System.Text.Json.JsonException)
        {
            problem = $"Draf tidak dapat dibaca: {e.Message}";
            return null;
        }
    }

    /// <summary>The messages for one field of one step (field as the validator names it: kind, actors, duration…).</summary>
    public IEnumerable<string> ErrorsOf(string stepId, string field) =>
        Errors.Where(e => e.StepId == stepId && e.Field is { } f && (f == field || f.StartsWith(field + "[", StringComparison.Ordinal) || f.StartsWith(field + ".", StringComparison.Ordinal)))
            .Select(e => e.Message);

    public TemplateDraft WithKind(string stepId, StepKind kind) => With(stepId, s => s with { Kind = kind });

    public TemplateDraft WithActivity(string stepId, string activity) => With(stepId, s => s with { Activity = activity.Trim() });

    /// <summary>The step's pelaksana (its first actor); the others taking part stay.</summary>
    public TemplateDraft WithAssignee(string stepId, string roleId) =>
        With(stepId, s => s with { Actors = string.IsNullOrEmpty(roleId) ? [.. s.Actors.Skip(1)] : [roleId, .. s.Actors.Skip(1).Where(a => a != roleId)] });

    /// <summary>One waktu for every period (per-period durations are edited in the JSON).</summary>
    public TemplateDraft WithDuration(string stepId, string text) =>
        With(stepId, s => s with { Duration = string.IsNullOrWhiteSpace(text) ? null : new StepDuration(text.Trim().ToUpperInvariant()) });

    private TemplateDraft With(string stepId, Func<SopStep, SopStep> change)
    {
        var steps = Template.Steps.Select(s => s.Id == stepId ? change(s) : s).ToList();
        var template = Template with { Steps = steps };
        return new TemplateDraft(template, SopTemplateJson.Serialize(template));
    }
}
