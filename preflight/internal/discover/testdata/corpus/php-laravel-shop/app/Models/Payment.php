<?php

namespace App\Models;

use Illuminate\Database\Eloquent\Model;

class Payment extends Model
{
    protected $fillable = ['order_id', 'checkout_id', 'amount', 'refunded'];

    public function refund(?int $amount = null): void
    {
        $this->update(['refunded' => $amount ?? $this->amount]);
    }
}
