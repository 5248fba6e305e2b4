namespace SakipServerless.Importer.Text;

/// <summary>The text of a decoded file, and a warning when the encoding had to be guessed.</summary>
public sealed record DecodedDocument(string Text, string? Warning);
