using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RecurrentGpt.Functions;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddStoryApp(builder.Configuration);
builder.Services.AddStoryTelemetry(builder.Configuration);
await builder.Build().RunAsync();
