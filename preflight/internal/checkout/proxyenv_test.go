package checkout

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCheckProxyEnv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		env     map[string]string
		secrets []string
		wantErr string
	}{
		{"none", nil, nil, ""},
		{"plain", map[string]string{"HTTPS_PROXY": "http://proxy.corp:3128"}, nil, ""},
		{"no scheme", map[string]string{"https_proxy": "proxy.corp:3128"}, nil, ""},
		{"credentials", map[string]string{"HTTPS_PROXY": "http://ci-user:s3cretproxypass@proxy.corp:3128"}, []string{"ci-user", "s3cretproxypass"}, ""},
		{"socks", map[string]string{"HTTP_PROXY": "socks5://127.0.0.1:1080"}, nil, ""},
		{"a bad port", map[string]string{"HTTPS_PROXY": "http://proxy.corp:99999"}, nil, "HTTPS_PROXY is not a proxy URL"},
		{"an unknown scheme", map[string]string{"HTTPS_PROXY": "ftp://proxy.corp"}, nil, "HTTPS_PROXY is not a proxy URL"},
		{"spaces", map[string]string{"HTTP_PROXY": "proxy corp"}, nil, "HTTP_PROXY is not a proxy URL"},
		{"a path", map[string]string{"HTTP_PROXY": "http://proxy.corp/some/path"}, nil, "HTTP_PROXY is not a proxy URL"},
		{"two bad, a password", map[string]string{"HTTPS_PROXY": "http://u:hunter2hunter2@proxy.corp:0", "http_proxy": "%%%"}, nil,
			"HTTPS_PROXY and http_proxy are not proxy URLs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			secrets, err := CheckProxyEnv(func(k string) string { return tt.env[k] })
			if diff := cmp.Diff(tt.secrets, secrets); diff != "" {
				t.Errorf("secrets (-want +got):\n%s", diff)
			}
			got := ""
			if err != nil {
				got = err.Error()
			}
			if tt.wantErr == "" && got != "" || !strings.Contains(got, tt.wantErr) {
				t.Errorf("error %q, want it to contain %q", got, tt.wantErr)
			}
			if strings.Contains(got, "hunter2") || strings.Contains(got, "proxy.corp") {
				t.Errorf("the error quotes a value: %q", got)
			}
		})
	}
}
