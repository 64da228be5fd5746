// Package pay registers the storefront's payment routes.
package pay

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/checkout/checkout-sdk-go/v2/common"
	"github.com/checkout/checkout-sdk-go/v2/nas"
	"github.com/checkout/checkout-sdk-go/v2/payments"
	"github.com/checkout/checkout-sdk-go/v2/payments/hosted"
	"github.com/checkout/checkout-sdk-go/v2/payments/links"
	payment_sessions "github.com/checkout/checkout-sdk-go/v2/payments/sessions"
)

// Register wires our routes; every handler closes over the SDK client.
func Register(e *echo.Echo, api *nas.Api) {
	e.POST("/payments", func(c echo.Context) error {
		var req hosted.PaymentHostedRequest
		if err := c.Bind(&req); err != nil {
			return err
		}
		req.Currency = common.GBP
		resp, err := api.Hosted.CreateHostedPaymentsPageSession(req) // want: POST /hosted-payments
		if err != nil {
			return echo.NewHTTPError(http.StatusBadGateway, err.Error())
		}
		return c.Redirect(http.StatusSeeOther, resp.Links["redirect"].HRef)
	})

	e.GET("/payments/:id", func(c echo.Context) error {
		details, err := api.Hosted.GetHostedPaymentsPageDetailsWithContext(c.Request().Context(), c.Param("id")) // want: GET /hosted-payments/{}
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, details)
	})

	paymentLinks := api.Links
	e.POST("/links", func(c echo.Context) error {
		resp, err := paymentLinks.CreatePaymentLink(links.PaymentLinkRequest{ // want: POST /payment-links
			Amount:    1999,
			Currency:  common.EUR,
			Reference: c.FormValue("order"),
			Billing:   &payments.BillingInformation{Address: &common.Address{Country: common.DE}},
		})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, resp)
	})
	e.GET("/links/:id", func(c echo.Context) error {
		l, err := paymentLinks.GetPaymentLink(c.Param("id")) // want: GET /payment-links/{}
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, l)
	})

	e.POST("/flow/sessions", func(c echo.Context) error {
		session, err := api.PaymentSessions.RequestPaymentSessionsWithContext(c.Request().Context(), payment_sessions.PaymentSessionsRequest{ // want: POST /payment-sessions
			Amount:    1999,
			Currency:  common.EUR,
			Reference: c.FormValue("order"),
		})
		if err != nil {
			return err
		}
		return c.JSON(http.StatusCreated, session)
	})
	e.POST("/flow/sessions/:id/submit", func(c echo.Context) error {
		var req payment_sessions.SubmitPaymentSessionRequest
		if err := c.Bind(&req); err != nil {
			return err
		}
		res, err := api.PaymentSessions.SubmitPaymentSession(c.Param("id"), req) // want: POST /payment-sessions/{}/submit
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, res)
	})
}
