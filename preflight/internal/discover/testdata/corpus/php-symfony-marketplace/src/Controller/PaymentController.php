<?php

declare(strict_types=1);

namespace App\Controller;

use App\Service\PayoutService;
use Symfony\Bundle\FrameworkBundle\Controller\AbstractController;
use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\HttpFoundation\Request;
use Symfony\Component\Routing\Attribute\Route;

final class PaymentController extends AbstractController
{
    public function __construct(private readonly PayoutService $payouts)
    {
    }

    #[Route('/payments/{id}/refund', name: 'payment_refund', methods: ['POST'])]
    public function refund(Request $request, string $id): JsonResponse
    {
        $result = $this->payouts->refund($id, (int) $request->request->get('amount'));

        return $this->json(['action_id' => $result['action_id']]);
    }

    #[Route('/payments/{id}', name: 'payment_show', methods: ['GET'])]
    public function show(string $id): JsonResponse
    {
        return $this->json($this->payouts->actions($id));
    }
}
