using Checkout;
using Disputes.Worker.Issuing;
using Disputes.Worker.Jobs;

IHost host = Host.CreateDefaultBuilder(args)
    .ConfigureServices((context, services) =>
    {
        CheckoutServiceCollection.AddCheckoutSdk(services, context.Configuration);
        services.AddSingleton(sp => sp.GetRequiredService<ICheckoutApi>().DisputesClient());
        services.AddSingleton<IssuingApiFactory>();
        services.AddHostedService<DisputeSweeper>();
        services.AddHostedService<ReportDownloader>();
        services.AddHostedService<TreasuryJob>();
    })
    .Build();

await host.RunAsync();
