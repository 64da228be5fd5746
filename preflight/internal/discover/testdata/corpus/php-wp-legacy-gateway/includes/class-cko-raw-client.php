<?php

use GuzzleHttp\Client;

class Cko_Raw_Client
{
    public const BASE_URL = 'https://api.checkout.com';
    public const SANDBOX_URL = 'https://api.sandbox.checkout.com';

    private Client $http;

    public function __construct(private string $secretKey, private string $prefix = '')
    {
        $this->http = new Client([
            'base_uri' => self::BASE_URL,
            'timeout' => 15,
            'headers' => ['Authorization' => $secretKey, 'Content-Type' => 'application/json'],
        ]);
    }

    public function pay(array $body): array
    {
        $response = $this->http->post('/payments', ['json' => $body]); // want: POST /payments
        return json_decode((string) $response->getBody(), true);
    }

    public function details(string $paymentId): array
    {
        $response = $this->http->request('GET', sprintf('/payments/%s', $paymentId)); // want: GET /payments/{}
        return json_decode((string) $response->getBody(), true);
    }

    public function dispute(string $disputeId): array
    {
        return json_decode((string) $this->http->get("/disputes/{$disputeId}")->getBody(), true); // want: GET /disputes/{}
    }

    public function capture(string $paymentId, int $amount): void
    {
        $url = sprintf('%s/payments/%s/captures', self::BASE_URL, $paymentId); // want: POST /payments/{}/captures
        $this->http->post($url, ['json' => ['amount' => $amount]]);
    }

    public function refund(string $paymentId, int $amount): int
    {
        $ch = curl_init(self::BASE_URL . '/payments/' . $paymentId . '/refunds'); // want: POST /payments/{}/refunds
        curl_setopt($ch, CURLOPT_POST, true);
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['amount' => $amount]));
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: ' . $this->secretKey, 'Content-Type: application/json']);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_exec($ch);
        $status = curl_getinfo($ch, CURLINFO_HTTP_CODE);
        curl_close($ch);
        if ($status >= 400) {
            error_log('Checkout.com refund failed: POST https://api.checkout.com/payments/' . $paymentId . '/refunds');
        }

        return $status;
    }

    public function dropCard(string $instrumentId): void
    {
        $ch = curl_init("https://{$this->prefix}.api.checkout.com/instruments/{$instrumentId}"); // want: DELETE /instruments/{}
        curl_setopt($ch, CURLOPT_CUSTOMREQUEST, 'DELETE');
        curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: ' . $this->secretKey]);
        curl_exec($ch);
        curl_close($ch);
    }

    public function token(string $clientId, string $clientSecret): string
    {
        $response = (new Client())->post('https://access.checkout.com/connect/token', [ // want: POST /connect/token
            'form_params' => ['grant_type' => 'client_credentials', 'scope' => 'gateway'],
            'auth' => [$clientId, $clientSecret],
        ]);

        return json_decode((string) $response->getBody(), true)['access_token'];
    }

    public function uploadEvidence(string $path): string
    {
        $response = (new Client())->request('POST', 'https://files.checkout.com/files', [ // want: POST /files
            'headers' => ['Authorization' => $this->secretKey],
            'multipart' => [
                ['name' => 'file', 'contents' => fopen($path, 'r')],
                ['name' => 'purpose', 'contents' => 'dispute_evidence'],
            ],
        ]);

        return json_decode((string) $response->getBody(), true)['id'];
    }

    public function balances(string $entityId): array
    {
        $response = wp_remote_get('https://balances.checkout.com/balances/' . $entityId . '?query=currency:EUR', [ // want: GET /balances/{}
            'headers' => ['Authorization' => $this->secretKey],
        ]);

        return json_decode(wp_remote_retrieve_body($response), true);
    }

    public function transfer(array $body, string $key): array
    {
        $response = wp_remote_post('https://transfers.sandbox.checkout.com/transfers', [ // want: POST /transfers
            'headers' => ['Authorization' => $this->secretKey, 'Cko-Idempotency-Key' => $key, 'Content-Type' => 'application/json'],
            'body' => wp_json_encode($body),
        ]);

        return json_decode(wp_remote_retrieve_body($response), true);
    }

    public function sandboxPay(array $body): array
    {
        $response = wp_remote_post(self::SANDBOX_URL . '/payments', ['headers' => ['Authorization' => $this->secretKey], 'body' => wp_json_encode($body)]); // want: POST /payments
        return json_decode(wp_remote_retrieve_body($response), true);
    }

    public function renameCustomer(string $customerId, string $name): void
    {
        wp_remote_request(self::SANDBOX_URL . "/customers/{$customerId}", [ // want: PATCH /customers/{}
            'method' => 'PATCH',
            'headers' => ['Authorization' => $this->secretKey, 'Content-Type' => 'application/json'],
            'body' => wp_json_encode(['name' => $name]),
        ]);
    }
}
