using SakipServerless.Core.Runs;

namespace SakipServerless.Engine.Durable.Commands;

/// <summary>An <see cref="Actor"/> as it travels in an event: a plain list of roles instead of a set.</summary>
public sealed record ActorData(string UserId, string Name, IReadOnlyList<string> Roles, string? UnitId = null)
{
    public static ActorData From(Actor actor) => new(actor.UserId, actor.Name, [.. actor.Roles.Order(StringComparer.Ordinal)], actor.UnitId);

    public Actor ToActor() => new(UserId, Name, Roles.ToHashSet(StringComparer.Ordinal), UnitId);
}
