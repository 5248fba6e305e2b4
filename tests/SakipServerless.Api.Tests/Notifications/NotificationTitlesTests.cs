using SakipServerless.Api.Notifications;
using SakipServerless.Core.Runs;

namespace SakipServerless.Api.Tests.Notifications;

public sealed class NotificationTitlesTests
{
    [Fact]
    public void EveryKind_HasItsOwnIndonesianTitle()
    {
        var titles = Enum.GetValues<NotificationKind>().Select(NotificationTitles.Of).ToList();

        Assert.DoesNotContain("Notifikasi", titles); // the fallback means a kind was forgotten
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }
}
