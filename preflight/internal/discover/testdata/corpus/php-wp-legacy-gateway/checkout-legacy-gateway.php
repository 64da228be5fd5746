<?php
/**
 * Plugin Name: Checkout.com Legacy Gateway
 * Description: Card payments through Checkout.com (previous platform).
 * Version: 2.3.1
 */

defined('ABSPATH') || exit;

require_once __DIR__ . '/vendor/autoload.php';
require_once __DIR__ . '/includes/class-cko-gateway.php';
require_once __DIR__ . '/includes/class-cko-raw-client.php';

add_filter('woocommerce_payment_gateways', function (array $gateways): array {
    $gateways[] = 'WC_Cko_Legacy_Gateway';
    return $gateways;
});

add_action('admin_notices', function (): void {
    echo '<div class="notice"><p>Requests go to https://api.checkout.com (live) or https://api.sandbox.checkout.com (test).</p></div>';
});
