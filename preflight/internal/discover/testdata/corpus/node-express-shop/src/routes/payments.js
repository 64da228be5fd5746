'use strict';

const express = require('express');
const cko = require('../lib/cko');
const payments = require('../models/payments');
const logger = require('../lib/logger');

const router = express.Router();

// The shop's own endpoints: POST /payments, POST /payments/:id/refund ...
router.post('/payments', async (req, res, next) => {
    try {
        const payment = await cko.payments.request({ // want: POST /payments
            source: { type: 'token', token: req.body.token },
            currency: req.body.currency,
            amount: req.body.amount,
            reference: req.body.orderId,
            processing_channel_id: process.env.CKO_CHANNEL_ID,
        });
        res.status(201).json({ id: payment.id, status: payment.status });
    } catch (err) {
        next(err);
    }
});

router.get('/payments/:id', async (req, res) => {
    const details = await cko.payments.get(req.params.id); // want: GET /payments/{}
    const local = await payments.get(req.params.id);
    res.json({ details, local });
});

router.post('/payments/:id/capture', async (req, res) => {
    const capture = await cko.payments.capture( // want: POST /payments/{}/captures
        req.params.id,
        {
            amount: req.body.amount,
            reference: `capture-${req.params.id}`,
        },
    );
    res.json(capture);
});

router.post('/payments/:id/refund', async (req, res) => {
    const { id } = req.params;
    logger.info('refunding via https://api.checkout.com/payments/' + id + '/refunds');
    const refund = await cko.payments
        .refund(id, { amount: req.body.amount, reference: req.body.reason }); // want: POST /payments/{}/refunds
    await payments.refund(req.body.orderId, req.body.amount);
    // await cko.payments.void(id);
    res.json(refund);
});

router.post('/payments/:id/void', (req, res, next) => {
    cko.payments.get(req.params.id).then((p) => cko.payments.void(p.id)).then((v) => res.json(v)).catch(next); // want: GET /payments/{}; POST /payments/{}/voids
});

router.get('/payments/:id/actions', async (req, res) => {
    const actions = await cko.payments?.getActions(req.params.id); // want: GET /payments/{}/actions
    res.json(actions);
});

/*
 * Old flow, kept for reference:
 *   const p = await cko.payments.capture(id, { amount });
 */

module.exports = router;
