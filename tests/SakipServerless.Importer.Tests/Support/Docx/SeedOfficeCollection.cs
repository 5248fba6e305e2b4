namespace SakipServerless.Importer.Tests.Support.Docx;

/// <summary>The test classes that read the seeds' Word and PDF renderings share one LibreOffice conversion per run.</summary>
[CollectionDefinition(Name)]
public sealed class SeedOfficeCollection : ICollectionFixture<SeedOfficeFiles>
{
    public const string Name = "Seed office files";
}
