var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => "shop: 5 products");

app.Run();
