using Acme.Store.Payments;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHttpClient<IPaymentsClient, PaymentsClient>(c => c.BaseAddress = new Uri("http://ledger.internal:8080"));
builder.Services.AddControllers();
var app = builder.Build();
app.MapPost("/payments/webhook", () => Results.Ok());
app.MapControllers();
app.Run();
