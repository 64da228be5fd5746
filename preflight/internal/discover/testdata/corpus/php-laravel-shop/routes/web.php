<?php

use App\Http\Controllers\PaymentController;
use Illuminate\Support\Facades\Route;

Route::post('/payments/{id}/refund', [PaymentController::class, 'refund']);
Route::post('/payments/{id}/capture', [PaymentController::class, 'capture']);
Route::get('/payments/{id}', fn (string $id) => view('payment', ['id' => $id]));
