namespace SakipServerless.Dashboard.Auth;

/// <summary>A seeded demo pemda offered on the development sign-in page, with user ids worth trying first.</summary>
public sealed class DemoTenant
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string[] Users { get; set; } = [];
}
