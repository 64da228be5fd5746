package report

import "testing"

func TestPosition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p    Position
		want string
	}{
		{Position{}, ""},
		{Position{File: "f.yml"}, "f.yml"},
		{Position{File: "f.yml", Line: 3}, "f.yml:3"},
		{Position{File: "f.yml", Line: 3, Column: 12}, "f.yml:3:12"},
		{Position{File: "f.yml", Column: 12}, "f.yml"},
		{Position{Line: 1234567}, ":1234567"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.p, got, tt.want)
		}
		if tt.p.IsZero() != (tt.want == "") {
			t.Errorf("%#v.IsZero() = %v", tt.p, tt.p.IsZero())
		}
	}
}

func TestWorst(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   []Status
		want Status
	}{
		{nil, StatusSkip},
		{[]Status{StatusPass, StatusSkip}, StatusPass},
		{[]Status{StatusWarn, StatusPass}, StatusWarn},
		{[]Status{StatusWarn, StatusInconclusive}, StatusInconclusive},
		{[]Status{StatusInconclusive, StatusFail, StatusPass}, StatusFail},
		{[]Status{"unknown", StatusSkip}, StatusSkip},
	}
	for _, tt := range tests {
		if got := Worst(tt.in...); got != tt.want {
			t.Errorf("Worst(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
