namespace SakipServerless.Storage.Azure.Tests.Faults;

/// <summary>The schedule decides the same faults for the same requests every time, so a failing scenario can be replayed.</summary>
public sealed class FaultScheduleTests
{
    private static HttpRequestMessage PutBlock(int n) => new(HttpMethod.Put, $"http://127.0.0.1/acc/c/berkas.pdf?comp=block&blockid={n}");

    private static HttpRequestMessage Get() => new(HttpMethod.Get, "http://127.0.0.1/acc/c/berkas.pdf");

    [Fact]
    public void On_GivesTheFaultToTheNthMatchingRequest_AndTheNextOnesUpToItsCount()
    {
        var schedule = FaultSchedule.None.On(2, RequestMatch.BlobPutBlock, Fault.ResetBeforeServer, times: 2);

        var decided = Enumerable.Range(1, 5).Select(n => schedule.Decide(n == 3 ? Get() : PutBlock(n))).ToList();

        // Requests: block 1, block 2, a GET (not matching), block 4, block 5 → the 2nd and 3rd Put Block.
        Assert.Equal([null, Fault.ResetBeforeServer, null, Fault.ResetBeforeServer, null], decided);
    }

    [Fact]
    public void Randomly_WithTheSameSeed_DecidesTheSameFaults_AndOnlyForMatchingRequests()
    {
        var first = Draw(seed: 42);
        var second = Draw(seed: 42);

        Assert.Equal(first, second);
        Assert.NotEqual(first, Draw(seed: 43));
        Assert.All(first.Where((_, i) => (i + 1) % 4 == 0), Assert.Null);
        Assert.InRange(first.Count(f => f is not null), 20, 80); // about 30 % of the 150 matching requests
        Assert.Equal(3, first.Where(f => f is not null).Distinct().Count());
    }

    /// <summary>200 requests, every fourth a GET that no rule matches.</summary>
    private static List<Fault?> Draw(int seed)
    {
        var schedule = FaultSchedule.None.Randomly(seed, 0.3, [Fault.Throttle(), Fault.Unavailable, Fault.ResetAfterServer], RequestMatch.BlobPutBlock);
        return Enumerable.Range(1, 200).Select(n => schedule.Decide(n % 4 == 0 ? Get() : PutBlock(n))).ToList();
    }
}
