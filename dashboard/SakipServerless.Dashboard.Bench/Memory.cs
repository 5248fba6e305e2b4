using System.Diagnostics;

namespace SakipServerless.Dashboard.Bench;

/// <summary>The bench process's memory: live managed objects after full blocking GCs, and the working set.</summary>
public readonly record struct Memory(long Managed, long WorkingSet)
{
    public static Memory Take()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        long managed = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return new Memory(managed, self.WorkingSet64);
    }
}
