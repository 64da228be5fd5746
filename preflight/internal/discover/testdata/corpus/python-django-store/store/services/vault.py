from checkout_sdk.checkout_api import CheckoutApi
from checkout_sdk.customers.customers import CustomerRequest
from checkout_sdk.instruments.instruments import CreateTokenInstrumentRequest, UpdateCardInstrumentRequest


class VaultService:
    """Keeps shoppers and their cards in Checkout.com's vault."""

    def __init__(self, api: CheckoutApi) -> None:
        self.customers = api.customers
        self.instruments = api.instruments

    def save(self, email: str, name: str, token: str) -> str:
        customer_request = CustomerRequest()
        customer_request.email = email
        customer_request.name = name
        customer = self.customers.create(customer_request)  # want: POST /customers
        instrument_request = CreateTokenInstrumentRequest()
        instrument_request.token = token
        instrument_request.customer = {"id": customer.id, "default": True}
        instrument = self.instruments.create(instrument_request)  # want: POST /instruments
        return instrument.id

    def load(self, customer_id: str):
        customer = self.customers.get(customer_id)  # want: GET /customers/{}
        return [self.instruments.get(i["id"]) for i in customer.instruments]  # want: GET /instruments/{}

    def update_expiry(self, instrument_id: str, month: int, year: int) -> None:
        update = UpdateCardInstrumentRequest()
        update.expiry_month = month
        update.expiry_year = year
        self.instruments.update(instrument_id, update)  # want: PATCH /instruments/{}

    def forget(self, customer_id: str, instrument_ids: list[str]) -> None:
        for instrument_id in instrument_ids:
            self.instruments.delete(instrument_id)  # want: DELETE /instruments/{}
        self.customers.delete(customer_id)  # want: DELETE /customers/{}

    def rename(self, customer_id: str, name: str) -> None:
        request = CustomerRequest()
        request.name = name
        self.customers.update(customer_id, request)  # want: PATCH /customers/{}
