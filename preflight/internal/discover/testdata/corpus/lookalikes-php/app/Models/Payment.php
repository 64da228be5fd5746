<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

class Payment extends Model
{
    public function refund(?int $amount = null): void
    {
        $this->update(['refunded' => $amount ?? $this->amount]);
    }

    public function refundPayment(?int $amount = null): void
    {
        $this->refund($amount);
    }

    public function capturePayment(): void
    {
        $this->update(['status' => 'captured']);
    }
}
