using Checkout;
using Checkout.Customers;
using Checkout.Payments;
using Orders.Api.Services;
using Environment = Checkout.Environment;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<ICheckoutApi>(_ => CheckoutSdk.Builder()
    .StaticKeys()
    .PublicKey(builder.Configuration["Checkout:PublicKey"])
    .SecretKey(builder.Configuration["Checkout:SecretKey"])
    .Environment(builder.Environment.IsProduction() ? Environment.Production : Environment.Sandbox)
    .Build());
builder.Services.AddSingleton<IPaymentsClient>(sp => sp.GetRequiredService<ICheckoutApi>().PaymentsClient());
builder.Services.AddSingleton<ICustomersClient>(sp => sp.GetRequiredService<ICheckoutApi>().CustomersClient());
builder.Services.AddScoped<RefundService>();
builder.Services.AddScoped<CustomerService>();
builder.Services.AddControllers();

var app = builder.Build();
app.MapControllers();
app.Run();
