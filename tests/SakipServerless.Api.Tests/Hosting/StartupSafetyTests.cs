using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using SakipServerless.Api.Tests.Support;

namespace SakipServerless.Api.Tests.Hosting;

public sealed class StartupSafetyTests
{
    [Fact]
    public void Production_WithTheDevelopmentSignInOn_RefusesToStart()
    {
        using var factory = new ApiFactory(settings: new Dictionary<string, string?> { ["Sakip:Development:EnableDevSignIn"] = "true" }).WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("EnableDevSignIn", Flatten(ex));
    }

    [Fact]
    public void AnOutOfRangeNestedSetting_RefusesToStart()
    {
        using var factory = new ApiFactory(settings: new Dictionary<string, string?> { ["Sakip:Sweep:IntervalSeconds"] = "0" });
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Sakip:Sweep", Flatten(ex));
    }

    private static string Flatten(Exception ex) => ex is OptionsValidationException o ? string.Join(";", o.Failures) : ex.ToString();
}
