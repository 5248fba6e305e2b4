using SakipServerless.Dashboard.Hosting;
using SakipServerless.Dashboard.LocalBackend;

var builder = WebApplication.CreateBuilder(args);
builder.AddSakipDashboard();

var app = builder.Build();
app.UseSakipDashboard();
await app.StartLocalBackendIfConfiguredAsync();
app.Run();
