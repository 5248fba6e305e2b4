namespace SakipServerless.Importer.Steps;

/// <summary>What one Pelaksana cell of a row holds.</summary>
internal readonly record struct ActorMarker(MarkerKind Kinds, string Raw)
{
    public static ActorMarker Empty => new(MarkerKind.None, "");

    public bool IsEmpty => Kinds == MarkerKind.None;

    public bool Has(MarkerKind kind) => (Kinds & kind) != 0;

    public bool IsHorizontal => Has(MarkerKind.ArrowLeft | MarkerKind.ArrowRight);

    public bool IsVertical => Has(MarkerKind.ArrowUp | MarkerKind.ArrowDown);

    /// <summary>Only arrows: the column may be one a flow line merely crosses.</summary>
    public bool IsArrowOnly => !IsEmpty && (Kinds & ~(MarkerKind.ArrowLeft | MarkerKind.ArrowRight | MarkerKind.ArrowUp | MarkerKind.ArrowDown)) == 0;

    /// <summary>Only horizontal arrows: the column may be one a line from another column crosses.</summary>
    public bool IsHorizontalOnly => IsArrowOnly && !IsVertical;
}
