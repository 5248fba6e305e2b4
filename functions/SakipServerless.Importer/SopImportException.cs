namespace SakipServerless.Importer;

/// <summary>The input is not an SOP document the importer can read (empty, binary, no procedure table); the message says why, in Bahasa Indonesia.</summary>
public sealed class SopImportException(string message) : Exception(message);
