# frozen_string_literal: true

class Vault
  attr_reader :customers, :instruments

  def initialize(api)
    @customers = api.customers
    @instruments = api.instruments
  end

  def save(user, token)
    customer = customers.create({ email: user.email, name: user.name }) # want: POST /customers
    instruments.create({ type: 'token', token: token, customer: { id: customer.id, default: true } }) # want: POST /instruments
  end

  def load(customer_id)
    customer = customers.get(customer_id) # want: GET /customers/{}
    customer.instruments.map { |i| instruments.get(i.id) } # want: GET /instruments/{}
  end

  def rename(customer_id, name)
    customers.update(customer_id, { name: name }) # want: PATCH /customers/{}
  end

  def forget(customer_id, instrument_ids)
    instrument_ids.each { |id| instruments.delete(id) } # want: DELETE /instruments/{}
    customers.delete(customer_id) # want: DELETE /customers/{}
  end
end
