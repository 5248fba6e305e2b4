namespace SakipServerless.Bench;

/// <summary>
/// Command-line options: <c>--only 1,3</c> runs some items, <c>--quick</c> uses small sizes (a smoke run, not for the
/// record), <c>--sweep-sizes 10000,100000,1000000</c> sets the sweep sizes, <c>--no-write</c> leaves BENCHMARKS.md alone,
/// <c>--baseline-api FOLDER</c> gives item 6 an earlier backend build to measure beside this one.
/// </summary>
public sealed record BenchOptions(IReadOnlySet<int> Items, bool Quick, IReadOnlyList<int> SweepSizes, bool Write, string? BaselineApi = null)
{
    public static BenchOptions Parse(string[] args)
    {
        var items = new HashSet<int> { 1, 2, 3, 4, 5 };
        bool quick = false, write = true;
        int[]? sizes = null;
        string? baseline = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--only":
                    items = [.. args[++i].Split(',').Select(int.Parse)];
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--no-write":
                    write = false;
                    break;
                case "--baseline-api":
                    baseline = Path.GetFullPath(args[++i]);
                    break;
                case "--sweep-sizes":
                    sizes = [.. args[++i].Split(',').Select(int.Parse)];
                    break;
                default:
                    throw new ArgumentException($"unknown argument {args[i]}; use --only 1,2,3,4,5,6,7,8,10, --quick, --sweep-sizes a,b,c, --no-write, --baseline-api FOLDER");
            }
        }

        return new BenchOptions(items, quick, sizes ?? (quick ? [10_000, 20_000, 50_000] : [10_000, 100_000, 1_000_000]), write && !quick, baseline);
    }
}
