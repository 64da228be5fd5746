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

// retrieveErrorToError converts the error answer oauth2 parsed into an
// *Error. Only the error code is kept, when it is spelt like one: the
// description and the body are the server's text, which is never echoed.
func retrieveErrorToError(re *oauth2.RetrieveError, now time.Time) *Error {
	e := &Error{Code: sanitizeCode(re.ErrorCode)}
	if re.Response != nil {
		e.HTTPStatus = re.Response.StatusCode
		e.RetryAfter = transport.RetryAfter(re.Response.Header.Get("Retry-After"), now)
	}
	if e.Code == "" && e.HTTPStatus == http.StatusUnauthorized {
		e.Code = CodeInvalidClient
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
	if !knownMedia(media) {
		media = "other"
	}
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

// knownMedia reports whether a content type is one worth naming; others
// are the server's text and are not echoed.
func knownMedia(media string) bool {
	switch media {
	case "application/json", "text/html", "text/plain", "application/x-www-form-urlencoded", "application/xml", "text/xml", "":
		return true
	}
	return false
}
