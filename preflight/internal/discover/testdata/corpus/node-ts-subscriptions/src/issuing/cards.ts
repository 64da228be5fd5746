import { cko } from '../checkout/client';
import { Checkout as Cart } from '../models/cart';

const { cards, cardholders } = cko.issuing;

export async function issueVirtualCard(entityId: string, person: { first: string; last: string }) {
    const holder = await cardholders.createCardholder({ // want: POST /issuing/cardholders
        type: 'individual',
        entity_id: entityId,
        first_name: person.first,
        last_name: person.last,
    });
    const card = await cards.createCard({ type: 'virtual', cardholder_id: holder.id, lifetime: { unit: 'Months', value: 6 } }); // want: POST /issuing/cards
    await cko.issuing.cards.activateCard(card.id); // want: POST /issuing/cards/{}/activate
    return card.id;
}

export async function cardSummary(cardId: string) {
    const details = await cko.issuing.getCardDetails(cardId); // want: GET /issuing/cards/{}
    const controls = await cko.issuing.controls.getCardControls({ target_id: cardId }); // want: GET /issuing/controls
    return { details, controls };
}

export async function freeze(cardId: string) {
    return cards.suspendCard(cardId, { reason: 'suspected_lost' }); // want: POST /issuing/cards/{}/suspend
}

export async function simulateSpend(cardId: string) {
    return cko.issuing.simulate.simulateAuthorization({ card: { id: cardId }, transaction: { type: 'purchase', amount: 250, currency: 'GBP' } }); // want: POST /issuing/simulate/authorizations
}

// The app's own cart class happens to be called Checkout too.
export function cartTotal(lines: Array<{ price: number }>) {
    const cart = new Cart('basket', { client: 'web' });
    return cart.payments.refund(lines);
}
