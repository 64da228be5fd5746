<?php

namespace Tests\Unit;

use App\Services\RefundService;
use Checkout\Payments\PaymentsClient;
use Mockery;
use PHPUnit\Framework\TestCase;

class RefundServiceTest extends TestCase
{
    public function testRefundGoesThroughTheClient(): void
    {
        $client = Mockery::mock(PaymentsClient::class);
        $client->shouldReceive('refundPayment')->once()->andReturn(['action_id' => 'act_1']);

        $this->assertSame('act_1', (new RefundService($client))->refund('pay_1', 100)['action_id']);
    }

    public function testVoid(): void
    {
        $client = $this->createMock(PaymentsClient::class);
        $client->expects($this->once())->method('voidPayment')->willReturn([]);

        (new RefundService($client))->void('pay_1');
    }
}
