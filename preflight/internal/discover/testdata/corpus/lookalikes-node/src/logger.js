'use strict';

module.exports = {
    warn: (...args) => console.warn(...args),
    info: (...args) => console.info('[shop]', 'see https://api.checkout.com/ status page', ...args),
};
