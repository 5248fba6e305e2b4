using SakipServerless.Api.FunctionsHost;

namespace SakipServerless.Api.Tests.FunctionsHost;

/// <summary>host.json declares the custom handler the way the rest of the deployment assumes.</summary>
public sealed class HostJsonTests
{
    [Fact]
    public void HostJson_IsVersion2_WithTheExtensionBundle()
    {
        Assert.Equal("2.0", HostJson.Root.GetProperty("version").GetString());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", HostJson.Root.GetProperty("extensionBundle").GetProperty("id").GetString());
    }

    [Fact]
    public void TheHostsRoutePrefix_IsTheAppsOwn_SoForwardedPathsArriveUnchanged()
    {
        Assert.Equal(FunctionCatalog.RoutePrefix, HostJson.Root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }

    [Fact]
    public void HttpRequests_AreForwardedAsTheyCame()
    {
        Assert.True(HostJson.CustomHandler.GetProperty("enableForwardingHttpRequest").GetBoolean());
    }

    [Fact]
    public void TheExecutable_IsTheBackendsApphost_InAFolderOfItsOwn_StartedInThePackageRoot()
    {
        Assert.Equal("handler/SakipServerless.Api", HostJson.ExecutablePath);
        Assert.True(File.Exists(Path.Combine(Repository.ApiBuildOutput, Path.GetFileName(HostJson.ExecutablePath))),
            "the backend's build output has no apphost of that name");
        // No workingDirectory: the host starts the handler in the package root, and the path above is relative to it
        // under every reading of the setting; --contentRoot . makes the app find its settings beside the executable.
        Assert.False(HostJson.CustomHandler.GetProperty("description").TryGetProperty("workingDirectory", out _));
        Assert.Equal(["--contentRoot", "."], HostJson.Arguments);
    }
}
