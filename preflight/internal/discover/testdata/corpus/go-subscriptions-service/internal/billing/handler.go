package billing

import (
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"
)

// Handler exposes the service over HTTP. These are our routes, not Checkout.com's.
type Handler struct {
	svc *Service
}

func NewHandler(svc *Service) *Handler { return &Handler{svc: svc} }

func (h *Handler) CreatePayment(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Instrument string `json:"instrument"`
		Amount     int64  `json:"amount"`
		Period     string `json:"period"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	resp, err := h.svc.Charge(r.Context(), body.Instrument, body.Amount, body.Period)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = json.NewEncoder(w).Encode(resp)
}

func (h *Handler) ShowPayment(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	p, err := h.svc.Details(id)
	if err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	actions, _ := h.svc.cko.Payments.GetPaymentActions(id) // want: GET /payments/{}/actions
	_ = json.NewEncoder(w).Encode(map[string]any{"payment": p, "actions": actions})
}

func (h *Handler) Refund(w http.ResponseWriter, r *http.Request) {
	if err := h.svc.Refund(r.Context(), mux.Vars(r)["id"], 0); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
