namespace SakipServerless.Importer.Steps;

/// <summary>A word of an activity text in canonical form (kepala bidang → kabid), with its span in the text.</summary>
internal readonly record struct WordToken(string Value, int Start, int End);
