package probe

import (
	"regexp"
	"strings"
	"testing"
)

func TestMarkerShape(t *testing.T) {
	t.Parallel()
	if !regexp.MustCompile(`^[a-z2-7]{26}$`).MatchString(Marker) {
		t.Errorf("Marker %q is not 26 characters of [a-z2-7]", Marker)
	}
	if !regexp.MustCompile(`^[A-Za-z0-9_-]{12}$`).MatchString(ShortMarker) {
		t.Errorf("ShortMarker %q is not 12 characters of [A-Za-z0-9_-]", ShortMarker)
	}
}

func TestID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		segment, param, want string
		pattern              string // the format the API reference documents; "" when none
	}{
		{"payments", "id", "pay_" + Marker, `^(pay|sid)_(\w{26})$`},
		{"customers", "identifier", "cus_" + Marker, `^(cus)_(\w{26})$`},
		{"instruments", "id", "src_" + Marker, `^(src)_(\w{26})$`},
		{"disputes", "dispute_id", "dsp_" + Marker, `^(dsp)_(\w{26})$`},
		{"workflows", "workflowId", "wf_" + Marker, `^wf_[a-z2-7]{26}$`},
		{"actions", "workflowActionId", "wfa_" + Marker, `^wfa_[a-z0-9]{26}$`},
		{"conditions", "workflowConditionId", "wfc_" + Marker, `^wfc_[a-z0-9]{26}$`},
		{"events", "eventId", "evt_" + Marker, `^evt_[a-z0-9]{26}$`},
		{"subject", "subjectId", "pay_" + Marker, `^[a-z]{3}_[a-z0-9]{26}$`},
		{"cards", "cardId", "crd_" + Marker, `^crd_[a-z0-9]{26}$`},
		{"cardholders", "cardholderId", "crh_" + Marker, `^crh_[a-z0-9]{26}$`},
		{"controls", "controlId", "ctr_" + Marker, `^ctr_[a-z0-9]{26}$`},
		{"digital-cards", "digitalCardId", "dcr_" + Marker, `^dcr_[a-z0-9]{26}$`},
		{"authorizations", "id", "trx_" + Marker, `^trx_[a-z0-9]{26}$`},
		{"reports", "id", "rpt_" + Marker, `^(rpt)_(\w{26})$`},
		{"files", "fileId", "file_" + Marker, `^(file)_(\w{26})$`},
		{"hosted-payments", "id", "hpp_" + ShortMarker, `^hpp_[A-Za-z0-9_-]{12}$`},
		{"payment-links", "id", "pl_" + ShortMarker, `^pl_[A-Za-z0-9_-]{12}$`},
		{"entities", "id", "ent_" + Marker, ""},
		{"payment-instruments", "id", "ppi_" + Marker, ""},
		{"transfers", "id", "tra_" + Marker, ""},
		{"bank-accounts", "country", "ZZ", `^[A-Z]{2}$`},
		{"", "currency", "XXX", `^[A-Z]{3}$`},
		{"secrets", "name", Marker, ""},
		{"", "id", Marker, ""},
	}
	for _, tt := range tests {
		t.Run(tt.segment+"/"+tt.param, func(t *testing.T) {
			t.Parallel()
			got := ID(tt.segment, tt.param)
			if got != tt.want {
				t.Errorf("ID(%q, %q) = %q, want %q", tt.segment, tt.param, got, tt.want)
			}
			if !IsProbeID(got) {
				t.Errorf("IsProbeID(%q) = false", got)
			}
			if tt.pattern != "" && !regexp.MustCompile(tt.pattern).MatchString(got) {
				t.Errorf("ID(%q, %q) = %q does not match the documented format %s", tt.segment, tt.param, got, tt.pattern)
			}
		})
	}
}

func TestIsProbeIDRejectsOthers(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"", "pay_w4jelhppmfiufdnatam37wrfc4", "GB", "GBP", "checkoutpreflight"} {
		if IsProbeID(v) {
			t.Errorf("IsProbeID(%q) = true, want false", v)
		}
	}
}

// IsProbeID (a test helper) reports whether v is an identifier ID can return: one that
// contains Marker or ShortMarker, or one of the fixed ISO codes.
func IsProbeID(v string) bool {
	if strings.Contains(v, Marker) || strings.Contains(v, ShortMarker) {
		return true
	}
	for _, k := range paramKinds() {
		if k.fixed != "" && k.fixed == v {
			return true
		}
	}
	return false
}
