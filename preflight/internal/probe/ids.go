package probe

// Marker is the body of every identifier a probe invents: 26 characters of
// [a-z2-7], the shape of a Checkout.com identifier, and recognisable in the
// merchant's request logs.
const Marker = "checkoutpreflightnonexists"

// ShortMarker replaces Marker where the reference documents a 12-character
// identifier body (hosted payment pages "hpp_…", payment links "pl_…").
const ShortMarker = "ckopreflight"

// idKind says how to build the identifier for one kind of path parameter.
type idKind struct {
	prefix string // e.g. "pay_"; "" for none
	short  bool   // use ShortMarker instead of Marker
	fixed  string // a fixed value instead of prefix+marker (ISO codes)
}

func (k idKind) value() string {
	switch {
	case k.fixed != "":
		return k.fixed
	case k.short:
		return k.prefix + ShortMarker
	default:
		return k.prefix + Marker
	}
}

// paramKinds maps a descriptive parameter name to its identifier kind. The
// prefixes come from the patterns and examples of the API reference (e.g.
// workflowActionId: "^wfa_[a-z0-9]{26}$").
func paramKinds() map[string]idKind {
	return map[string]idKind{
		"applicantId":         {prefix: "aplt_"},
		"cardId":              {prefix: "crd_"},
		"cardholderId":        {prefix: "crh_"},
		"controlId":           {prefix: "ctr_"},
		"country":             {fixed: "ZZ"},
		"currency":            {fixed: "XXX"},
		"digitalCardId":       {prefix: "dcr_"},
		"disputeId":           {prefix: "dsp_"},
		"dispute_id":          {prefix: "dsp_"},
		"entityId":            {prefix: "ent_"},
		"eventId":             {prefix: "evt_"},
		"fileId":              {prefix: "file_"},
		"file_id":             {prefix: "file_"},
		"instrumentId":        {prefix: "src_"},
		"paymentId":           {prefix: "pay_"},
		"subjectId":           {prefix: "pay_"},
		"tokenId":             {prefix: "tok_"},
		"transactionId":       {prefix: "trx_"},
		"workflowActionId":    {prefix: "wfa_"},
		"workflowConditionId": {prefix: "wfc_"},
		"workflowId":          {prefix: "wf_"},
	}
}

// segmentKinds maps the path segment before a generic parameter ("{id}",
// "{identifier}") to its identifier kind.
func segmentKinds() map[string]idKind {
	return map[string]idKind{
		"actions":             {prefix: "act_"},
		"authorizations":      {prefix: "trx_"}, // /issuing/simulate/authorizations/{id}
		"balances":            {prefix: "ent_"},
		"cardholders":         {prefix: "crh_"},
		"cards":               {prefix: "crd_"},
		"controls":            {prefix: "ctr_"},
		"customers":           {prefix: "cus_"},
		"digital-cards":       {prefix: "dcr_"},
		"disputes":            {prefix: "dsp_"},
		"entities":            {prefix: "ent_"},
		"events":              {prefix: "evt_"},
		"files":               {prefix: "file_"},
		"hosted-payments":     {prefix: "hpp_", short: true},
		"instruments":         {prefix: "src_"},
		"payment-instruments": {prefix: "ppi_"},
		"payment-links":       {prefix: "pl_", short: true},
		"payments":            {prefix: "pay_"},
		"reports":             {prefix: "rpt_"},
		"sessions":            {prefix: "sid_"},
		"tokens":              {prefix: "tok_"},
		"transfers":           {prefix: "tra_"},
		"workflows":           {prefix: "wf_"},
	}
}

// ID returns the non-existent identifier a probe puts in place of the path
// parameter named param, which follows the literal path segment segment
// (empty when the parameter is the first segment). A descriptive parameter
// name ("workflowActionId") decides the prefix; for a generic name ("id",
// "identifier") the preceding segment does; otherwise the result is the
// bare Marker. The result is deterministic and never empty.
func ID(segment, param string) string {
	if k, ok := paramKinds()[param]; ok {
		return k.value()
	}
	if k, ok := segmentKinds()[segment]; ok {
		return k.value()
	}
	return Marker
}
