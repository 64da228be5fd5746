import asyncio

from marketplace.cko import api

issuing = api.issuing
workflows = api.workflows


async def issue_card(entity_id: str, holder: dict) -> str:
    loop = asyncio.get_running_loop()
    cardholder = await loop.run_in_executor(None, issuing.create_cardholder, holder)  # want: POST /issuing/cardholders
    card = await asyncio.to_thread(
        issuing.create_card,  # want: POST /issuing/cards
        {"type": "virtual", "cardholder_id": cardholder.id, "entity_id": entity_id},
    )
    return card.id


def card_info(card_id: str):
    details = issuing.get_card_details(card_id)  # want: GET /issuing/cards/{}
    issuing.suspend_card(card_id, {"reason": "suspected_lost"})  # want: POST /issuing/cards/{}/suspend
    return details


def ensure_workflows(definition) -> None:
    existing = workflows.get_workflows()  # want: GET /workflows
    if not existing.data:
        workflows.create_workflow(definition)  # want: POST /workflows
    print(workflows.get_event_types())  # want: GET /workflows/event-types
