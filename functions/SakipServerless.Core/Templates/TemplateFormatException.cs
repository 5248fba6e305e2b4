namespace SakipServerless.Core.Templates;

/// <summary>The template text is not readable JSON of the template shape; the message names where.</summary>
public sealed class TemplateFormatException(string message, Exception? inner = null) : Exception(message, inner);
