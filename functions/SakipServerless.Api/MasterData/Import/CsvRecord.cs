namespace SakipServerless.Api.MasterData.Import;

/// <summary>One record of a CSV file; <see cref="Row"/> counts records from 1, as Excel numbers its rows.</summary>
public sealed record CsvRecord(int Row, IReadOnlyList<string> Fields)
{
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);

    public string this[int column] => column < Fields.Count ? Fields[column] : "";
}
