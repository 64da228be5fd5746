'use strict';

// The shop's own payment records (a thin wrapper over the orders table).
const db = require('./db');

async function refund(orderId, amount) {
    await db.query('UPDATE payments SET refunded = refunded + $1 WHERE order_id = $2', [amount, orderId]);
    return db.query('SELECT * FROM payments WHERE order_id = $1', [orderId]);
}

async function get(orderId) {
    return db.query('SELECT * FROM payments WHERE order_id = $1', [orderId]);
}

module.exports = { refund, get };
