using System.Text.RegularExpressions;

namespace SakipServerless.Importer.Table;

/// <summary>Tells a step row ("1", "1.", "2)" in the first cell) from other lines of the table region.</summary>
internal static partial class StepRows
{
    public static bool TryNumber(string[] cells, out int no)
    {
        no = 0;
        if (cells.Length < 2)
        {
            return false;
        }

        var m = Number().Match(cells[0]);
        return m.Success && int.TryParse(m.Groups["n"].Value, out no) && no > 0;
    }

    [GeneratedRegex(@"^\s*(?<n>\d{1,3})\s*[.)]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
