using SakipServerless.Core.MasterData;
using SakipServerless.Core.Runs;
using SakipServerless.Core.Templates;

namespace SakipServerless.Api.Runs;

/// <summary>What a command handler gets: the loaded run, its pinned template, the engine context and the acting user.</summary>
public sealed record RunCommandContext(SopRun Run, SopTemplate Template, RunContext Engine, AppUser User, Actor Actor);
