<?php

declare(strict_types=1);

namespace App\Service;

use Checkout\Accounts\AccountsClient;
use Checkout\Accounts\AccountsFileRequest;
use Checkout\Accounts\OnboardEntityRequest;
use Checkout\Accounts\Payout\Request\UpdateScheduleRequest;
use Checkout\Balances\BalancesQuery;
use Checkout\CheckoutApi;
use Checkout\Common\Currency;
use Checkout\Transfers\CreateTransferRequest;

final class OnboardingService
{
    private AccountsClient $accounts;

    public function __construct(private readonly CheckoutApi $checkoutApi)
    {
        $this->accounts = $checkoutApi->getAccountsClient();
    }

    public function onboard(OnboardEntityRequest $request): string
    {
        return $this->accounts->createEntity($request)['id']; // want: POST /accounts/entities
    }

    public function profile(string $entityId): array
    {
        return [
            'entity' => $this->accounts->getEntity($entityId), // want: GET /accounts/entities/{}
            'members' => $this->accounts->getSubEntityMembers($entityId), // want: GET /accounts/entities/{}/members
        ];
    }

    public function update(string $entityId, OnboardEntityRequest $request): void
    {
        $this->accounts->updateEntity($entityId, $request); // want: PUT /accounts/entities/{}
    }

    public function document(string $entityId, string $path): string
    {
        $file = new AccountsFileRequest();
        $file->file = $path;
        $file->purpose = 'identity_verification';
        $platformFile = $this->accounts->submitFile($file); // want: POST /files
        $this->accounts->uploadFile($entityId, $file); // want: POST /entities/{}/files

        return $platformFile['id'];
    }

    public function bankAccount(string $entityId, $instrument): string
    {
        return $this->accounts->createBankPaymentInstrument($entityId, $instrument)['id']; // want: POST /accounts/entities/{}/payment-instruments
    }

    public function weekly(string $entityId, UpdateScheduleRequest $schedule): array
    {
        $this->accounts->updatePayoutSchedule($entityId, Currency::$EUR, $schedule); // want: PUT /accounts/entities/{}/payout-schedules

        return $this->accounts->retrievePayoutSchedule($entityId); // want: GET /accounts/entities/{}/payout-schedules
    }

    public function balance(string $entityId): array
    {
        $query = new BalancesQuery();
        $query->query = 'currency:EUR';

        return $this->checkoutApi->getBalancesClient()->retrieveEntityBalances($entityId, $query); // want: GET /balances/{}
    }

    public function sweep(string $from, string $to, int $amount): string
    {
        $transfer = new CreateTransferRequest();
        $transfer->transfer_type = 'commission';
        $transfer->source = ['id' => $from, 'amount' => $amount];
        $transfer->destination = ['id' => $to];
        $transfers = $this->checkoutApi->getTransfersClient();
        $created = $transfers->initiateTransferOfFunds($transfer, 'sweep-' . $from); // want: POST /transfers

        return $transfers->retrieveATransfer($created['id'])['status']; // want: GET /transfers/{}
    }
}
