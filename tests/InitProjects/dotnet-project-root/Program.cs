var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/", () => "api");
app.Run();
