using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SakipServerless.Api.Hosting;

/// <summary>
/// Data-annotation validation of options stops at the top object; this one checks the nested sections
/// (Storage and its Cosmos settings, Sweep, Schedule, Escalation, Development) so a <c>[Range]</c> there is enforced at start too.
/// </summary>
public sealed class NestedSectionsValidator : IValidateOptions<SakipOptions>
{
    public ValidateOptionsResult Validate(string? name, SakipOptions options)
    {
        var failures = new List<string>();
        foreach (var (section, value) in new (string, object)[] { ("Storage", options.Storage), ("Storage:Cosmos", options.Storage.Cosmos), ("Sweep", options.Sweep), ("Schedule", options.Schedule), ("Engine", options.Engine), ("Engine:Sidecar", options.Engine.Sidecar), ("Escalation", options.Escalation), ("Development", options.Development) })
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"Sakip:{section}: {r.ErrorMessage}"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
