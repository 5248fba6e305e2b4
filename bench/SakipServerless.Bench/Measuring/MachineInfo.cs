using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace SakipServerless.Bench.Measuring;

/// <summary>What the figures were measured on: CPU, cores, memory, OS, runtime, SQLite, and how busy the machine was.</summary>
public sealed record MachineInfo(string Cpu, int Cores, double MemoryGb, string Os, string Runtime, string Sqlite, string LoadAtStart)
{
    public static MachineInfo Read() => new(
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        Environment.ProcessorCount,
        Math.Round(Meminfo("MemTotal:") / 1024.0 / 1024.0 / 1024.0, 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        SqliteVersion(),
        Load());

    /// <summary>The 1-, 5- and 15-minute load averages: the machine is shared, so each report says how busy it was.</summary>
    public static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static long Meminfo(string name) =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim().Split(' ')[0],
            System.Globalization.CultureInfo.InvariantCulture) * 1024;

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }
}
