package egress

import (
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiscover(t *testing.T) {
	t.Parallel()
	const a, b, six = "203.0.113.7", "198.51.100.9", "2001:db8::7"
	tests := []struct {
		name     string
		paths    []string
		handlers map[string]http.HandlerFunc
		want     summary
	}{
		{
			name:     "plain text",
			paths:    []string{"/a"},
			handlers: map[string]http.HandlerFunc{"/a": text(a)},
			want:     summary{Found: true, IPv4: a, V4: []string{a + "×1"}, Sources: []string{"/a " + a}},
		},
		{
			name:     "JSON and trailing newline agree",
			paths:    []string{"/json", "/nl"},
			handlers: map[string]http.HandlerFunc{"/json": text(`{"ip":"` + a + `"}`), "/nl": text(a + "\n")},
			want:     summary{Found: true, IPv4: a, V4: []string{a + "×2"}, Sources: []string{"/json " + a, "/nl " + a}},
		},
		{
			name:     "IPv4-mapped answer counts as IPv4",
			paths:    []string{"/a", "/mapped"},
			handlers: map[string]http.HandlerFunc{"/a": text(a), "/mapped": text("::ffff:" + a)},
			want:     summary{Found: true, IPv4: a, V4: []string{a + "×2"}, Sources: []string{"/a " + a, "/mapped " + a}},
		},
		{
			name:     "garbage and HTTP 500 ignored",
			paths:    []string{"/portal", "/a", "/500"},
			handlers: map[string]http.HandlerFunc{"/portal": text("<html>log in to the wifi</html>"), "/a": text(a), "/500": status(http.StatusInternalServerError)},
			want:     summary{Found: true, IPv4: a, V4: []string{a + "×1"}, Sources: []string{"/portal error", "/a " + a, "/500 error"}},
		},
		{
			name:     "majority wins and disagreement is flagged",
			paths:    []string{"/b", "/a1", "/a2"},
			handlers: map[string]http.HandlerFunc{"/b": text(b), "/a1": text(a), "/a2": text(a)},
			want: summary{
				Found: true, IPv4: a, V4: []string{a + "×2", b + "×1"}, Disagreement: true,
				Sources: []string{"/b " + b, "/a1 " + a, "/a2 " + a},
			},
		},
		{
			name:     "tie goes to the first reported",
			paths:    []string{"/b", "/a"},
			handlers: map[string]http.HandlerFunc{"/b": text(b), "/a": text(a)},
			want: summary{
				Found: true, IPv4: b, V4: []string{b + "×1", a + "×1"}, Disagreement: true,
				Sources: []string{"/b " + b, "/a " + a},
			},
		},
		{
			name:     "IPv4 and IPv6 both seen are no disagreement",
			paths:    []string{"/v4", "/v6", "/v6json"},
			handlers: map[string]http.HandlerFunc{"/v4": text(a), "/v6": text(six + "\n"), "/v6json": text(`{"ip": "` + six + `"}`)},
			want: summary{
				Found: true, IPv4: a, IPv6: six, V4: []string{a + "×1"}, V6: []string{six + "×2"},
				Sources: []string{"/v4 " + a, "/v6 " + six, "/v6json " + six},
			},
		},
		{
			name:     "IPv6 disagreement",
			paths:    []string{"/v4", "/v6", "/other6"},
			handlers: map[string]http.HandlerFunc{"/v4": text(a), "/v6": text(six), "/other6": text("2001:db8::8")},
			want: summary{
				Found: true, IPv4: a, IPv6: six, V4: []string{a + "×1"}, V6: []string{six + "×1", "2001:db8::8×1"},
				Disagreement: true, Sources: []string{"/v4 " + a, "/v6 " + six, "/other6 2001:db8::8"},
			},
		},
		{
			name:  "all down",
			paths: []string{"/500", "/503", "/404", "/garbage", "/empty"},
			handlers: map[string]http.HandlerFunc{
				"/500": status(http.StatusInternalServerError), "/503": status(http.StatusServiceUnavailable),
				"/404": status(http.StatusNotFound), "/garbage": text("nope"), "/empty": text(""),
			},
			want: summary{Sources: []string{"/500 error", "/503 error", "/404 error", "/garbage error", "/empty error"}},
		},
		{
			name: "no services",
			want: summary{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, urls := echoServer(t, tt.paths, tt.handlers)
			got := Discover(t.Context(), srv.Client(), urls)
			if diff := cmp.Diff(tt.want, summarise(t, got)); diff != "" {
				t.Errorf("Discover mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
