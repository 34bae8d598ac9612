using Microsoft.AspNetCore.Hosting;
using MultistageWebApp;

const string AppName = "Multistage.Web-App";

var settings = ServerSettings.Read(
    Environment.GetEnvironmentVariable("PORT"),
    Environment.GetEnvironmentVariable("HOST"),
    out var error);
if (settings is null)
{
    Console.Error.WriteLine(error);
    return 1;
}

if (args.Contains("--healthcheck"))
{
    return await HealthCheck.RunAsync(settings);
}

// The slim builder leaves out what this app does not use (HTTPS, IIS, most configuration
// sources) and is the builder that works with trimming and Native AOT.
var builder = WebApplication.CreateSlimBuilder(args);

// PORT and HOST are the only source of the address. The official images also set
// ASPNETCORE_HTTP_PORTS; emptying it here keeps Kestrel from warning that URLS overrides it.
builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
builder.WebHost.UseUrls(settings.ListenUrl);

// Request-by-request logs would repeat on every health check; keep the framework's warnings only.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var app = builder.Build();

app.MapGet("/", () => $"Hello from {AppName}, a .NET app!");
app.MapGet("/healthz", () => "ok");

// Run returns once the host has stopped: on SIGTERM (docker stop) or Ctrl+C it finishes the
// requests in flight and exits with 0, also as PID 1 in a container.
await app.RunAsync();
return 0;
