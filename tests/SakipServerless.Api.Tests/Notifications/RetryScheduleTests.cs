using SakipServerless.Api.Notifications;

namespace SakipServerless.Api.Tests.Notifications;

public sealed class RetryScheduleTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(8, 60)]
    [InlineData(100, 60)]
    public void DelayAfter_DoublesFromTheBase_UpToTheCap(int failures, int seconds)
    {
        var schedule = new RetrySchedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

        Assert.Equal(TimeSpan.FromSeconds(seconds), schedule.DelayAfter(failures));
    }
}
