<?php

declare(strict_types=1);

namespace App\Tests\Service;

use App\Checkout\CheckoutApiFactory;
use App\Service\OnboardingService;
use Checkout\Accounts\AccountsClient;
use Checkout\Accounts\OnboardEntityRequest;
use Checkout\CheckoutApi;
use PHPUnit\Framework\TestCase;

final class OnboardingServiceTest extends TestCase
{
    public function testOnboardReturnsTheEntityId(): void
    {
        $accounts = $this->createMock(AccountsClient::class);
        $accounts->method('createEntity')->willReturn(['id' => 'ent_1']);
        $api = $this->createMock(CheckoutApi::class);
        $api->method('getAccountsClient')->willReturn($accounts);

        $this->assertSame('ent_1', (new OnboardingService($api))->onboard(new OnboardEntityRequest()));
    }

    public function testSandboxRequirements(): void
    {
        $api = CheckoutApiFactory::create(getenv('CKO_CLIENT_ID'), getenv('CKO_CLIENT_SECRET'), getenv('CKO_PREFIX'));
        $requirements = $api->getAccountsClient()->getEntityRequirements(getenv('CKO_TEST_ENTITY')); // want(tests): GET /accounts/entities/{}/requirements

        $this->assertArrayHasKey('data', $requirements);
    }
}
