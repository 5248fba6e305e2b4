using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using SakipServerless.Api.Hosting;

namespace SakipServerless.Api.Tests.Deployment;

/// <summary>
/// Binds environment-style settings (<c>Sakip__Sweep__Enabled</c>) to the app's options classes as the app would,
/// refusing keys a class lacks, and runs their data-annotation validation.
/// </summary>
public static class SettingsBinding
{
    public static SakipOptions BindAndValidate(IReadOnlyDictionary<string, string> settings)
    {
        SakipOptions? sakip = null;
        foreach (var (type, section) in AppSettingNames.OptionSections)
        {
            string prefix = AppSettingNames.EnvironmentName(section) + "__";
            // Keys under a more specific section (Sakip:Identity) belong to that section's class, not to this one.
            var others = AppSettingNames.OptionSections.Select(o => AppSettingNames.EnvironmentName(o.Section) + "__")
                .Where(p => p.Length > prefix.Length && p.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var own = settings.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal) && !others.Any(o => s.Key.StartsWith(o, StringComparison.Ordinal)));
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(own.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
                .Build();
            object options = configuration.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true) ?? Activator.CreateInstance(type)!;

            var results = new List<ValidationResult>();
            Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true),
                $"{section}: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
            if (options is SakipOptions s)
            {
                var nested = new NestedSectionsValidator().Validate(null, s);
                Assert.True(nested.Succeeded, nested.FailureMessage);
                sakip = s;
            }
        }

        return sakip ?? throw new InvalidOperationException("SakipOptions has no Section constant");
    }
}
