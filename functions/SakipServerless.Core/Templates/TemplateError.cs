namespace SakipServerless.Core.Templates;

/// <summary>One problem in a template: where (a JSON-like path naming the step and field) and what, in Bahasa Indonesia.</summary>
public sealed record TemplateError(string Path, string Message, string? StepId = null, string? Field = null)
{
    public override string ToString() => $"{Path}: {Message}";
}
