namespace SakipServerless.Bench.Reporting;

/// <summary>One line of the results table: a figure, its target, the physical reference measured beside it, and whether the target was met.</summary>
public sealed record ResultRow(string Item, string Measure, string Value, string Target = "", string Reference = "", bool? Met = null)
{
    public string Verdict => Met switch
    {
        true => "met",
        false => "**missed**",
        null => "",
    };
}
