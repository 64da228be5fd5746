Rails.application.routes.draw do
  resources :payments do
    member do
      post :refund
      post :capture
    end
  end
  post '/checkout', to: 'checkout#create'
end
