using Microsoft.AspNetCore.Hosting;
using SampleApp;

const string AppName = "SampleApp";

// The input contract (CONTRIBUTING.md): arguments first, then PORT and HOST.
var healthcheckMode = args is ["--healthcheck"];
if (args.Length > 0 && !healthcheckMode)
{
    Console.Error.WriteLine($"error: unknown arguments: {string.Join(' ', args)}: run with no arguments to serve, or with --healthcheck to probe a running server");
    return 2;
}

var settings = ServerSettings.Read(
    Environment.GetEnvironmentVariable("PORT"),
    Environment.GetEnvironmentVariable("HOST"),
    out var error);
if (settings is null)
{
    Console.Error.WriteLine(error);
    return 1;
}

if (healthcheckMode)
{
    return await HealthCheck.RunAsync(settings);
}

// The slim builder leaves out what this app does not use (HTTPS, IIS, most configuration
// sources) and is the builder that works with trimming and Native AOT.
var builder = WebApplication.CreateSlimBuilder(args);

// On SIGTERM the host waits this long for requests in flight (30 s by default, past Docker's 10 s
// stop timeout), then Kestrel drops what is left, such as a client still sending its request.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(3));

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
