using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SakipServerless.Functions.Hosting;

// The Azure Functions app: the isolated worker with ASP.NET Core integration, and the backend's own registrations
// (AddSakipFunctionsApp → AddSakipServices), so the functions here stay wrappers and no business logic is registered twice.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSakipFunctionsApp(builder.Configuration, builder.Environment);
builder.Build().Run();
