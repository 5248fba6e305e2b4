namespace SakipServerless.Api.Tests.Deployment;

/// <summary>
/// A fact about a part another issue adds (the platform identity mode): skipped, and so visible in
/// the skipped count, until that part exists, then it runs without anyone remembering to turn it on.
/// </summary>
public sealed class FactWhenAttribute : FactAttribute
{
    public FactWhenAttribute(string part)
    {
        bool present = part switch
        {
            IdentityMode => AppSettingNames.Exists(IdentityModeSetting),
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, "unknown part"),
        };
        if (!present)
        {
            Skip = $"{part} does not exist yet";
        }
    }

    public const string IdentityMode = "the platform identity setting (Sakip:Identity:Mode)";

    public const string IdentityModeSetting = "Sakip__Identity__Mode";
}
