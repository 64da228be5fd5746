Rails.application.routes.draw do
  resources :payments, only: %i[create show] do
    member do
      post :capture
      post :refund
      post :void
    end
  end
  post '/hooks/checkout', to: 'webhooks#receive'
end
