<?php

namespace App\Services;

use App\Models\Payment;

final class PaymentRepository
{
    public function refundPayment(string $id): void
    {
        Payment::findOrFail($id)->refund();
    }

    public function requestPayment(array $data): Payment
    {
        return Payment::create($data);
    }
}
