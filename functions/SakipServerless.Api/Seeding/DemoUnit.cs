namespace SakipServerless.Api.Seeding;

/// <summary>A unit that submits data in collect steps (bidang, inspektur pembantu, kelurahan, desa).</summary>
internal sealed record DemoUnit
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>True when the name is an example from common nomenclature rather than the agency's own structure.</summary>
    public bool Demo { get; init; }
}
