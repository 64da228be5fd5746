from checkout_sdk.accounts.accounts import AccountsFileRequest, OnboardEntityRequest, PayoutSchedule, UpdateScheduleRequest
from checkout_sdk.balances.balances import BalancesQuery
from checkout_sdk.common.enums import Currency
from checkout_sdk.transfers.transfers import CreateTransferRequest

from marketplace.cko import api


def onboard_seller(seller: dict) -> str:
    request = OnboardEntityRequest()
    request.reference = seller["id"]
    request.contact_details = {"phone": {"number": seller["phone"]}}
    request.company = {"legal_name": seller["legal_name"], "trading_name": seller["name"]}
    entity = api.accounts.create_entity(request)  # want: POST /accounts/entities
    return entity.id


def attach_document(entity_id: str, path: str) -> str:
    file_request = AccountsFileRequest()
    file_request.file = path
    file_request.content_type = "image/jpeg"
    file_request.purpose = "identity_verification"
    uploaded = api.accounts.upload_file(file_request)  # want: POST /files
    api.accounts.upload_entity_file(entity_id, file_request)  # want: POST /entities/{}/files
    return uploaded.id


def seller_profile(entity_id: str) -> dict:
    entity = api.accounts.get_entity(entity_id)  # want: GET /accounts/entities/{}
    members = api.accounts.get_sub_entity_members(entity_id)  # want: GET /accounts/entities/{}/members
    return {"status": entity.status, "members": len(members.data)}


def rename_seller(entity_id: str, request: OnboardEntityRequest) -> None:
    api.accounts.update_entity(entity_id, request)  # want: PUT /accounts/entities/{}


def weekly_payouts(entity_id: str) -> None:
    schedule = UpdateScheduleRequest()
    schedule.enabled = True
    schedule.threshold = 1000
    schedule.recurrence = PayoutSchedule.weekly(["MO"])
    api.accounts.update_payout_schedule(entity_id, Currency.EUR, schedule)  # want: PUT /accounts/entities/{}/payout-schedules
    current = api.accounts.retrieve_payout_schedule(entity_id)  # want: GET /accounts/entities/{}/payout-schedules
    print(current)


def bank_account(entity_id: str, instrument) -> str:
    created = api.accounts.add_payment_instrument(entity_id, instrument)  # want: POST /accounts/entities/{}/payment-instruments
    return created.id


def balance(entity_id: str):
    query = BalancesQuery()
    query.query = "currency:EUR"
    return api.balances.retrieve_entity_balances(entity_id, query)  # want: GET /balances/{}


def sweep(source_entity: str, destination_entity: str, amount: int) -> str:
    transfer = CreateTransferRequest()
    transfer.transfer_type = "commission"
    transfer.source = {"id": source_entity, "amount": amount}
    transfer.destination = {"id": destination_entity}
    created = api.transfers.initiate_transfer_of_funds(transfer, idempotency_key=f"sweep-{source_entity}")  # want: POST /transfers
    return api.transfers.retrieve_a_transfer(created.id).status  # want: GET /transfers/{}
