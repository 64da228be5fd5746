using Checkout;
using Checkout.Customers;
using Checkout.Instruments.Create;
using Checkout.Instruments.Get;

namespace Orders.Api.Services;

public class CustomerService
{
    private readonly ICustomersClient _customers;
    private readonly ICheckoutApi _api;

    public CustomerService(ICustomersClient customers, ICheckoutApi api)
    {
        _customers = customers;
        _api = api;
    }

    public async Task<string> Register(string email, string name)
    {
        var created = await _customers.Create(new CustomerRequest { Email = email, Name = name }); // want: POST /customers
        return created.Id;
    }

    public async Task<string> SaveCard(string customerId, string token)
    {
        var instrument = await _api.InstrumentsClient().Create(new CreateTokenInstrumentRequest // want: POST /instruments
        {
            Token = token,
            Customer = new CreateCustomerInstrumentRequest { Id = customerId, Default = true },
        });
        return instrument.Id;
    }

    public async Task<string?> Email(string customerId)
    {
        CustomerDetailsResponse customer = await _customers.Get(customerId); // want: GET /customers/{}
        return customer.Email;
    }

    public Task<GetInstrumentResponse> Card(string instrumentId) => _api.InstrumentsClient().Get(instrumentId); // want: GET /instruments/{}

    public async Task Rename(string customerId, string name)
    {
        await _customers.Update(customerId, new CustomerRequest { Name = name }); // want: PATCH /customers/{}
    }

    public async Task Forget(string customerId, string instrumentId)
    {
        await _api.InstrumentsClient().Delete(instrumentId); // want: DELETE /instruments/{}
        await _customers.Delete(customerId); // want: DELETE /customers/{}
    }
}
