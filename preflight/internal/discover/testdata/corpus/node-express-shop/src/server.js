'use strict';

const express = require('express');
const paymentsRouter = require('./routes/payments');
const logger = require('./lib/logger');

const app = express();
app.use(express.json());
app.use('/', paymentsRouter);

// Checkout.com posts events here; this is our route, not theirs.
app.post('/hooks/checkout', (req, res) => {
    logger.info({ type: req.body.type }, 'event from Checkout.com (api.checkout.com)');
    res.sendStatus(200);
});

app.listen(process.env.PORT || 3000);
