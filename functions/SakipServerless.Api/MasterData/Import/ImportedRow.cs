using SakipServerless.Core.MasterData;

namespace SakipServerless.Api.MasterData.Import;

/// <summary>What the import does (or, in a dry run, would do) with one row: create, update or leave an indicator unchanged.</summary>
public sealed record ImportedRow(int Row, string Kode, string Action, IndicatorRecord Indicator, IReadOnlyList<string>? Warnings)
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Unchanged = "unchanged";
}
