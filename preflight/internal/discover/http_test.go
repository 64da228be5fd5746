package discover

import "testing"

func TestRawHTTP(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "node fetch, axios, base constant, template, instance", files: map[string]string{"src/h.js": `
const BASE = process.env.NODE_ENV === 'production' ? 'https://api.checkout.com' : 'https://api.sandbox.checkout.com';
const http = axios.create({ baseURL: BASE });
fetch(BASE + '/payments', { method: 'POST' });
fetch(` + "`${BASE}/payments/${id}`" + `);
axios.delete(` + "`https://${prefix}.api.checkout.com/instruments/${id}`" + `);
http.post('/payments/' + id + '/refunds');
console.log('see https://api.checkout.com/payments');
throw new Error(` + "`POST ${BASE}/payments failed`" + `);
fetch('https://api.stripe.com/v1/refunds', { method: 'POST' });`},
			want: []string{"src/h.js:4 POST /payments", "src/h.js:5 GET /payments/{}", "src/h.js:6 DELETE /instruments/{}", "src/h.js:7 POST /payments/{}/refunds"}},
		{name: "python requests, f-string, format, session, httpx base", files: map[string]string{"b.py": `
CKO = "https://api.sandbox.checkout.com"
requests.post(f"{CKO}/payments", json={})
url = "{}/disputes/{}/accept".format(CKO, d)
requests.post(url)
session.request("DELETE", CKO + "/customers/" + c)
async with httpx.AsyncClient(base_url=CKO) as client:
    await client.get(f"/payments/{p}/actions")
log.info("POST %s/payments", CKO)
requests.post("https://access.checkout.com/connect/token", data={})`},
			want: []string{"b.py:3 POST /payments", "b.py:4 POST /disputes/{}/accept", "b.py:6 DELETE /customers/{}", "b.py:8 GET /payments/{}/actions", "b.py:10 POST /connect/token"}},
		{name: "go net/http, Sprintf, JoinPath", files: map[string]string{"c.go": `package c

const base = "https://api.checkout.com"

func f() {
	http.NewRequestWithContext(ctx, http.MethodPost, base+"/payments", nil)
	http.NewRequest("GET", fmt.Sprintf("%s/payments/%s", base, id), nil)
	u, _ := url.JoinPath(base, "payments", id, "refunds")
	http.NewRequest(http.MethodPost, u, nil)
	http.Post("https://transfers.checkout.com/transfers", "application/json", nil)
	log.Printf("calling %s/payments", base)
}`}, want: []string{"c.go:6 POST /payments", "c.go:7 GET /payments/{}", "c.go:8 POST /payments/{}/refunds", "c.go:10 POST /transfers"}},
		{name: "java HttpRequest, OkHttp, RestTemplate", files: map[string]string{"J.java": `
class J {
  static final String API = "https://api.checkout.com";
  void f() {
    HttpRequest.newBuilder().uri(URI.create(API + "/payments")).POST(body).build();
    new Request.Builder().url(String.format("%s/payments/%s/voids", API, id)).post(body).build();
    restTemplate.getForObject(API + "/payments/{id}", Map.class, id);
    new HttpDelete(API + "/instruments/" + id);
  }
}`}, want: []string{"J.java:5 POST /payments", "J.java:6 POST /payments/{}/voids", "J.java:7 GET /payments/{}", "J.java:8 DELETE /instruments/{}"}},
		{name: "csharp HttpClient, BaseAddress, HttpRequestMessage", files: map[string]string{"C.cs": `
class C {
  const string BaseUrl = "https://api.checkout.com";
  HttpClient _api = new HttpClient { BaseAddress = new Uri("https://api.checkout.com/") };
  async Task F() {
    await _http.PostAsJsonAsync($"{BaseUrl}/payments/{id}/captures", body);
    await _api.GetStringAsync("accounts/entities/" + id);
    new HttpRequestMessage(HttpMethod.Post, BaseUrl + "/payments");
  }
}`}, want: []string{"C.cs:6 POST /payments/{}/captures", "C.cs:7 GET /accounts/entities/{}", "C.cs:8 POST /payments"}},
		{name: "ruby Faraday, Net::HTTP, HTTParty", files: map[string]string{"r.rb": `
CKO_API = 'https://api.checkout.com'
conn = Faraday.new(url: CKO_API)
conn.post('/payments', body)
uri = URI("#{CKO_API}/payments/#{id}/refunds")
req = Net::HTTP::Post.new(uri)
HTTParty.get("https://balances.checkout.com/balances/#{id}")
LOG.info("sent to https://api.checkout.com/payments")`},
			want: []string{"r.rb:4 POST /payments", "r.rb:5 POST /payments/{}/refunds", "r.rb:7 GET /balances/{}"}},
		{name: "php Guzzle base_uri, curl, sprintf", files: map[string]string{"p.php": `<?php
class P {
  const BASE = 'https://api.checkout.com';
  function f() {
    $http = new Client(['base_uri' => self::BASE]);
    $http->post('/payments', []);
    $http->request('GET', sprintf('/payments/%s', $id));
    $ch = curl_init(self::BASE . '/payments/' . $id . '/refunds');
    curl_setopt($ch, CURLOPT_POST, true);
    error_log('failed: POST https://api.checkout.com/payments');
  }
}`}, want: []string{"p.php:6 POST /payments", "p.php:7 GET /payments/{}", "p.php:8 POST /payments/{}/refunds"}},
		{name: "setting names mark a base URL", files: map[string]string{"s.js": "const base = process.env.CKO_BASE_URL;\nfetch(base + '/tokens', { method: 'POST' });\n"},
			want: []string{"s.js:2 POST /tokens"}},
	})
}

func TestSkippedFiles(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "gitignore, nested gitignore, negation", files: map[string]string{
			".gitignore":         "local/\n*.gen.js\n!keep.gen.js\n",
			"local/a.js":         "fetch('https://api.checkout.com/payments', {method: 'POST'})\n",
			"x.gen.js":           "fetch('https://api.checkout.com/payments', {method: 'POST'})\n",
			"keep.gen.js":        "fetch('https://api.checkout.com/tokens', {method: 'POST'})\n",
			"sub/.gitignore":     "/only-here.js\n",
			"sub/only-here.js":   "fetch('https://api.checkout.com/payments', {method: 'POST'})\n",
			"only-here.js":       "fetch('https://api.checkout.com/disputes')\n",
			"vendor/x/y.php":     "<?php curl_init('https://api.checkout.com/payments');\n",
			"dist/bundle.js":     "fetch('https://api.checkout.com/payments', {method: 'POST'})\n",
			"sdk/Checkout/P.php": "<?php\nnamespace Checkout\\Payments;\nclass P { function f() { $this->client->post('https://api.checkout.com/payments'); } }\n",
		}, want: []string{"keep.gen.js:1 POST /tokens", "only-here.js:1 GET /disputes"}},
	})
}
