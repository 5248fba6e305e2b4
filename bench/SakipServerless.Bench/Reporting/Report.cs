using System.Globalization;
using System.Text;
using SakipServerless.Bench.Measuring;

namespace SakipServerless.Bench.Reporting;

/// <summary>
/// Collects result rows, prints them as they come, and renders the results block of BENCHMARKS.md (between its
/// markers, so the hand-written analysis around it stays).
/// </summary>
public sealed class Report(MachineInfo machine, string command)
{
    public const string Begin = "<!-- bench:results:begin -->";
    public const string End = "<!-- bench:results:end -->";

    private readonly List<ResultRow> _rows = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  {row.Item} | {row.Measure} | {row.Value} | target {row.Target} | reference {row.Reference} | {row.Verdict}");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine("  note: " + note);
    }

    public string Markdown(TimeSpan elapsed)
    {
        var md = new StringBuilder();
        md.AppendLine(Begin);
        md.AppendLine(CultureInfo.InvariantCulture, $"Last run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {elapsed.TotalMinutes:0.0} min, `{command}`.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.MemoryGb:0.#} GB RAM; {machine.Os}; {machine.Runtime}; SQLite {machine.Sqlite}. " +
            $"Load average at start {machine.LoadAtStart}, at end {MachineInfo.Load()} (the machine is shared).");
        md.AppendLine();
        md.AppendLine("| # | measure | value | target | physical reference (same run) | |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row.Item} | {row.Measure} | {row.Value} | {row.Target} | {row.Reference} | {row.Verdict} |");
        }

        if (_notes.Count > 0)
        {
            md.AppendLine();
            foreach (string note in _notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        md.AppendLine(End);
        return md.ToString();
    }

    /// <summary>Replaces the results block of <paramref name="path"/> (or appends one) with this run's.</summary>
    public void WriteInto(string path, TimeSpan elapsed)
    {
        string block = Markdown(elapsed);
        string text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n\n";
        int begin = text.IndexOf(Begin, StringComparison.Ordinal);
        int end = text.IndexOf(End, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + block.TrimEnd('\n') + text[(end + End.Length)..]
            : text.TrimEnd('\n') + "\n\n" + block;
        File.WriteAllText(path, text);
    }
}
