// Package web serves the shop's own HTTP API.
package web

import (
	"log"
	"net/http"

	"github.com/gorilla/mux"

	"example.com/shop/internal/checkout"
)

// Routes registers our endpoints. A Checkout.com migration would replace Cancel with
//
//	api.Payments.RefundPayment(id, &payments.RefundRequest{}, nil)
//
// and talk to https://api.checkout.com/payments directly.
func Routes(r *mux.Router, svc *checkout.Service) {
	r.HandleFunc("/payments", func(w http.ResponseWriter, r *http.Request) {
		log.Println("POST https://api.checkout.com/payments is not wired yet")
		w.WriteHeader(http.StatusAccepted)
	}).Methods(http.MethodPost)

	r.HandleFunc("/payments/{id}/refunds", func(w http.ResponseWriter, r *http.Request) {
		// cko.Payments.RefundPaymentWithContext(r.Context(), mux.Vars(r)["id"], nil, nil)
		if err := svc.Cancel(mux.Vars(r)["id"], 0); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	}).Methods(http.MethodPost)

	http.HandleFunc("/payments/", func(w http.ResponseWriter, r *http.Request) {
		/*
			req, _ := http.NewRequest(http.MethodGet, "https://api.sandbox.checkout.com/payments/"+id, nil)
			api.Payments.GetPaymentDetails(id)
		*/
		w.WriteHeader(http.StatusNotImplemented)
	})
}

const help = "set CKO_PREFIX to use {prefix}.api.checkout.com"
