namespace SakipServerless.Core.Templates;

/// <summary>A template failed validation; <see cref="Errors"/> names every step and field at fault.</summary>
public sealed class TemplateValidationException(IReadOnlyList<TemplateError> errors)
    : Exception("Templat SOP tidak valid:\n" + string.Join("\n", errors))
{
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}
