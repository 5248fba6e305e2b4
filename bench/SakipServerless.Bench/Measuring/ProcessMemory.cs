namespace SakipServerless.Bench.Measuring;

/// <summary>Resident memory of a process from /proc (Linux): current (VmRSS) and peak (VmHWM), which can be reset.</summary>
public static class ProcessMemory
{
    public static long RssBytes(int pid) => Field(pid, "VmRSS:");

    public static long PeakRssBytes(int pid) => Field(pid, "VmHWM:");

    /// <summary>Resets the peak (VmHWM) to the current RSS: "5" in clear_refs, allowed for our own children.</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static long Field(int pid, string name)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                // "VmRSS:\t  104328 kB"
                return long.Parse(line[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
