package oauth

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"time"

	"golang.org/x/oauth2"

	"github.com/checkout-preflight/checkout-preflight/preflight/internal/transport"
)

// maxBodyScan is how much of a body is looked at (and scrubbed) before it is
// cut down to a description.
const maxBodyScan = 4 << 10

// retrieveErrorToError converts the error answer oauth2 parsed into an
// *Error. Body text is scrubbed of the secrets and cut short; the raw body
// never leaves this function.
func retrieveErrorToError(re *oauth2.RetrieveError, now time.Time, secrets ...string) *Error {
	e := &Error{Code: sanitizeCode(re.ErrorCode)}
	if re.Response != nil {
		e.HTTPStatus = re.Response.StatusCode
		e.RetryAfter = transport.RetryAfter(re.Response.Header.Get("Retry-After"), now)
	}
	if e.HTTPStatus >= 200 && e.HTTPStatus < 300 {
		// A 2xx answer with an error code may still carry a token.
		var issued struct {
			AccessToken string `json:"access_token"`
		}
		if json.Unmarshal(re.Body, &issued) == nil && issued.AccessToken != "" {
			secrets = append(secrets[:len(secrets):len(secrets)], issued.AccessToken)
		}
	}
	if e.Code == "" && e.HTTPStatus == http.StatusUnauthorized {
		e.Code = CodeInvalidClient
	}
	switch {
	case re.ErrorDescription != "":
		e.Description = sanitize(re.ErrorDescription, maxDescription, secrets...)
	case re.ErrorCode == "" && len(re.Body) > 0:
		body := re.Body
		if len(body) > maxBodyScan {
			body = body[:maxBodyScan]
		}
		e.Description = sanitize(string(body), maxDescription, secrets...)
	}
	return e
}

// sanitizeCode returns code when it looks like an OAuth error code, else "".
func sanitizeCode(code string) string {
	if code == "" || len(code) > 64 {
		return ""
	}
	for _, r := range code {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '.' || r == '-') {
			return ""
		}
	}
	return code
}

// invalidResponse describes a 2xx answer that held no usable token, by its
// shape only: the body of a 2xx answer may hold a token, so it is never
// quoted.
func invalidResponse(status int, contentType string, body []byte) *Error {
	media, _, _ := mime.ParseMediaType(contentType)
	media = sanitize(media, 60)
	var desc string
	var fields map[string]json.RawMessage
	switch {
	case len(body) == 0:
		desc = "the body is empty"
	case json.Unmarshal(body, &fields) != nil:
		desc = fmt.Sprintf("the body (%d bytes, content type %q) is not a JSON object", len(body), media)
	default:
		desc = "the JSON body has no access_token"
	}
	return &Error{Code: CodeInvalidResponse, HTTPStatus: status, Description: desc}
}
