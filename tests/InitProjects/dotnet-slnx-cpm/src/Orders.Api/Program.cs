using Orders.Catalog;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<OrderBook>();
var app = builder.Build();

app.MapGet("/", (OrderBook orders) => $"fabrikam orders: {orders.Summary}");

app.Run();
