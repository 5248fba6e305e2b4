namespace SakipServerless.Core.Templates;

/// <summary>
/// Published templates must be executable; importer drafts may still lack actors or a readable duration
/// (the document did not say), which the reviewer fills in before publishing.
/// </summary>
public enum TemplateValidationMode
{
    Publish,
    Draft,
}
