'use strict';

const db = require('./db');

class PaymentsRepo {
    async get(id) {
        return db.one('SELECT * FROM payments WHERE id = $1', [id]);
    }

    async refund(id, amount) {
        return db.none('UPDATE payments SET refunded = $2 WHERE id = $1', [id, amount]);
    }

    async capture(id) {
        return db.none("UPDATE payments SET status = 'captured' WHERE id = $1", [id]);
    }
}

module.exports = new PaymentsRepo();
