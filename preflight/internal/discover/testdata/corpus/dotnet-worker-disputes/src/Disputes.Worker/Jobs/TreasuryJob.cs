using Checkout;
using Checkout.Balances;
using Checkout.Transfers;

namespace Disputes.Worker.Jobs;

/// <summary>Moves dispute reserves between entities once a day.</summary>
public sealed class TreasuryJob : BackgroundService
{
    private readonly ICheckoutApi _api;
    private readonly IConfiguration _config;

    public TreasuryJob(ICheckoutApi api, IConfiguration config)
    {
        _api = api;
        _config = config;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reserveEntity = _config["Treasury:ReserveEntityId"]!;
        var balances = await _api.BalancesClient().RetrieveEntityBalances(reserveEntity, new BalancesQuery { Query = "currency:EUR" }, stoppingToken); // want: GET /balances/{}
        var available = balances.Data.FirstOrDefault()?.Balances?.Available ?? 0;
        if (available <= 0)
        {
            return;
        }

        ITransfersClient transfers = _api.TransfersClient();
        var transfer = await transfers.InitiateTransferOfFunds( // want: POST /transfers
            new CreateTransferRequest
            {
                Reference = $"reserve-{DateTime.UtcNow:yyyyMMdd}",
                TransferType = TransferType.Commission,
                Source = new TransferSourceRequest { Id = reserveEntity, Amount = available },
                Destination = new TransferDestinationRequest { Id = _config["Treasury:MainEntityId"] },
            },
            idempotencyKey: $"reserve-{DateTime.UtcNow:yyyyMMdd}",
            cancellationToken: stoppingToken);
        var details = await transfers.RetrieveATransfer(transfer.Id, stoppingToken); // want: GET /transfers/{}
    }
}
