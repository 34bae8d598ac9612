using Ledger.Core;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<Book>();
var app = builder.Build();

app.MapGet("/", (Book book) => $"ledger: {book.Count} entries, balance {book.BalanceCents / 100.0:0.00}");

app.Run();
