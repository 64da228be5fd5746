package probe

// The special cases below are keyed by "METHOD host template" (skipped,
// multipart) or "host template" (collectionQueries), exactly as the catalog
// spells them.

// skipped lists the operations that must never be probed, with the reason.
func skipped() map[string]string {
	const tokenReason = "a token endpoint authenticates with form fields, not the Authorization header, so its answer says nothing about the credential"
	return map[string]string{
		"POST access /connect/token":             tokenReason,
		"POST api /issuing/access/connect/token": tokenReason,
		"POST api /applepay/signing-requests":    "it takes neither a request body nor an id, so nothing could stop it from generating a signing request",
	}
}

// multipart lists the uploads that expect multipart/form-data; their probes
// send [] as application/json all the same (see the package documentation).
func multipart() map[string]bool {
	return map[string]bool{
		"POST api /files":                       true,
		"POST files /files":                     true,
		"POST files /entities/{entityId}/files": true,
	}
}

// collectionQueries gives collection GETs the smallest query the reference
// documents: limit=1 where a limit exists; /payments also requires a
// reference, for which ours cannot match any payment.
func collectionQueries() map[string]string {
	return map[string]string{
		"api /disputes":             "limit=1",
		"api /financial-actions":    "limit=1",
		"api /issuing/controls":     "target_id=crd_" + Marker,
		"api /issuing/transactions": "limit=1",
		"api /payments":             "limit=1&reference=" + Marker,
		"api /reports":              "limit=1",
	}
}
