using Lib;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<Warehouse>();
builder.Services.AddHealthChecks();
var app = builder.Build();

// "/" serves only once the stock is loaded (never, in this sample): a probe on "/" would call the
// container unhealthy. The process itself is healthy, and says so on /healthz.
app.MapGet("/", (Warehouse warehouse) => warehouse.StockLoaded
    ? Results.Text("warehouse: open")
    : Results.Text("warehouse: stock not loaded yet", statusCode: StatusCodes.Status503ServiceUnavailable));
app.MapHealthChecks("/healthz");

app.Run();
