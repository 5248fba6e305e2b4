using SakipServerless.Api.Hosting;
using SakipServerless.Api.Seeding;

var builder = WebApplication.CreateBuilder(args);
builder.AddSakipBackend();

var app = builder.Build();
app.UseSakipBackend();
await app.SeedDemoDataIfEnabledAsync();
app.Run();

/// <summary>The backend's entry point; public so WebApplicationFactory tests can host it.</summary>
public partial class Program;
