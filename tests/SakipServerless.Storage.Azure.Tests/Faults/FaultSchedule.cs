namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>
/// Decides, deterministically, which requests get which fault: fixed rules ("the Nth Put Block gets cut after K
/// bytes", "every Put Block List is reset") first, then an optional seeded random draw per matching request.
/// </summary>
/// <remarks>
/// Decisions depend only on the order of requests, so a single-threaded scenario with the same seed injects the same
/// faults on every run, and a failing seed can be replayed.
/// </remarks>
public sealed class FaultSchedule
{
    private readonly List<Rule> _rules = [];
    private readonly object _gate = new();
    private RandomFaults? _random;

    public static FaultSchedule None => new();

    /// <summary>
    /// The <paramref name="nth"/> (1-based) request matching <paramref name="match"/> gets <paramref name="fault"/>, and so
    /// do the next ones up to <paramref name="times"/> in all (a fault that outlasts the client's retries).
    /// </summary>
    public FaultSchedule On(int nth, RequestMatch match, Fault fault, int times = 1)
    {
        _rules.Add(new Rule(match, fault, First: nth, Count: times));
        return this;
    }

    /// <summary>Every request matching <paramref name="match"/>, up to <paramref name="times"/> of them, gets <paramref name="fault"/>.</summary>
    public FaultSchedule Every(RequestMatch match, Fault fault, int times = int.MaxValue)
    {
        _rules.Add(new Rule(match, fault, First: 1, Count: times));
        return this;
    }

    /// <summary>Each request matching <paramref name="match"/> gets, with <paramref name="probability"/>, one of <paramref name="faults"/> drawn from a generator seeded with <paramref name="seed"/>.</summary>
    public FaultSchedule Randomly(int seed, double probability, IReadOnlyList<Fault> faults, RequestMatch match)
    {
        _random = new RandomFaults(new Random(seed), probability, faults, match);
        return this;
    }

    /// <summary>The fault for this request, or null to let it through untouched.</summary>
    public Fault? Decide(HttpRequestMessage request)
    {
        lock (_gate)
        {
            Fault? decided = null;
            foreach (var rule in _rules.Where(r => r.Match.Test(request)))
            {
                rule.Seen++;
                if (decided is null && rule.Seen >= rule.First && rule.Seen - rule.First < rule.Count)
                {
                    decided = rule.Fault;
                }
            }

            if (decided is null && _random is { } random && random.Match.Test(request) && random.Generator.NextDouble() < random.Probability)
            {
                decided = random.Faults[random.Generator.Next(random.Faults.Count)];
            }

            return decided;
        }
    }

    private sealed record Rule(RequestMatch Match, Fault Fault, int First, int Count)
    {
        public int Seen { get; set; }
    }

    private sealed record RandomFaults(Random Generator, double Probability, IReadOnlyList<Fault> Faults, RequestMatch Match);
}
