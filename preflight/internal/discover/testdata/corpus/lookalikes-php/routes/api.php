<?php

use App\Http\Controllers\PaymentController;
use Illuminate\Support\Facades\Route;

Route::post('/payments', [PaymentController::class, 'store']);
Route::post('/payments/{payment}/refunds', [PaymentController::class, 'refund']);
Route::post('/payments/{payment}/captures', [PaymentController::class, 'capture']);
Route::get('/payments/{payment}', [PaymentController::class, 'show']);
