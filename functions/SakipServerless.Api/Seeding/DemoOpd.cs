namespace SakipServerless.Api.Seeding;

/// <summary>The demo OPD of a pemda: the agency of one seed SOP.</summary>
internal sealed record DemoOpd
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Name used in user display names, e.g. "Kesbangpol".</summary>
    public required string ShortName { get; init; }

    /// <summary>Jabatan of the head of the OPD (Kepala Badan, Inspektur, Camat).</summary>
    public required string HeadTitle { get; init; }

    /// <summary>
    /// The SOP role the head of the OPD plays, when the SOP has one (Camat in the kecamatan SOPs): that role goes to the
    /// <c>kepala</c> user instead of a separate person, since it is the same office.
    /// </summary>
    public string? HeadRole { get; init; }

    public required string TemplateId { get; init; }
}
