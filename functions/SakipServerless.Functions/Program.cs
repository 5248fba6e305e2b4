using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SakipServerless.Api.Hosting;

// The Azure Functions app: the isolated worker with ASP.NET Core integration, and the backend's own registrations
// (AddSakipServices), so the functions here stay wrappers and no business logic is registered twice.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSakipServices(builder.Configuration, builder.Environment);
builder.Build().Run();
