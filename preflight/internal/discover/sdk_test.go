package discover

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// recognitionCase is one table test: a tree and the calls it must yield,
// each "file:line METHOD /path" with parameters written {}.
type recognitionCase struct {
	name  string
	files map[string]string
	want  []string
	tests bool // IncludeTests
}

func runRecognition(t *testing.T, cases []recognitionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := scanShapes(t, tc.files, Options{IncludeTests: tc.tests})
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNode(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "direct chain and variable", files: map[string]string{"src/pay.js": `
const { Checkout } = require('checkout-sdk-node');
const cko = new Checkout(process.env.CKO_SECRET_KEY);
async function refund(id) {
  await cko.payments.refund(id, { amount: 100 });
  const payments = cko.payments;
  return payments.get(id);
}`}, want: []string{"src/pay.js:5 POST /payments/{}/refunds", "src/pay.js:7 GET /payments/{}"}},
		{name: "destructuring, multi-line call, sub-accessor", files: map[string]string{"src/a.ts": `
import { Checkout } from 'checkout-sdk-node';
const cko = new Checkout('sk_sbox_x');
const { disputes, issuing: iss } = cko;
disputes
  .accept(
    'dsp_1');
iss.cards.getCardDetails('crd_1');`}, want: []string{"src/a.ts:6 POST /disputes/{}/accept", "src/a.ts:8 GET /issuing/cards/{}"}},
		{name: "OAuth constructor and class field", files: map[string]string{"src/svc.ts": `
import Checkout from 'checkout-sdk-node';
export class Payments {
  private cko = new Checkout('secret', { client: 'ack_x', scope: ['gateway'] });
  capture(id: string) { return this.cko.payments.capture(id); }
}`}, want: []string{"src/svc.ts:4 POST /connect/token", "src/svc.ts:5 POST /payments/{}/captures"}},
		{name: "client exported from another file", files: map[string]string{
			"lib/cko.js":       "const { Checkout } = require('checkout-sdk-node');\nmodule.exports = new Checkout(process.env.KEY);\n",
			"routes/refund.js": "const cko = require('../lib/cko');\ncko.payments.refund('pay_1');\n",
			"routes/esm.mjs":   "import { api } from '../lib/client.mjs';\napi.tokens.request({});\n",
			"lib/client.mjs":   "import { Checkout } from 'checkout-sdk-node';\nexport const api = new Checkout('k');\n",
		}, want: []string{"routes/esm.mjs:2 POST /tokens", "routes/refund.js:2 POST /payments/{}/refunds"}},
		{name: "typed constructor parameter", files: map[string]string{"src/s.ts": `
import { Checkout } from 'checkout-sdk-node';
export class Svc {
  constructor(private readonly cko: Checkout) {}
  void(id: string) { return this.cko.payments.void(id); }
}`}, want: []string{"src/s.ts:5 POST /payments/{}/voids"}},
		{name: "previous-platform endpoint through the shared client", files: map[string]string{"a.js": "const {Checkout}=require('checkout-sdk-node');\nconst cko=new Checkout('sk_test_x');\ncko.webhooks.retrieveWebhooks();\n"},
			want: []string{"a.js:3 GET /webhooks"}},
		{name: "look-alikes", files: map[string]string{
			"adyen.js":  "const { Client, CheckoutAPI } = require('@adyen/api-library');\nconst checkout = new CheckoutAPI(new Client({}));\ncheckout.PaymentsApi.payments({});\n",
			"stripe.js": "const stripe = require('stripe')('sk');\nstripe.checkout.sessions.create({});\n",
			"app.js":    "const cko = require('./cookies');\ncko.payments.refund(1);\napp.post('/payments/:id/refunds', (req, res) => payments.refund(req.params.id));\n",
			"c.js":      "// cko.payments.refund(id)\n/* cko.payments.capture(id) */\nconst s = 'cko.payments.refund(id)';\n",
		}},
		{name: "vendored and test files", files: map[string]string{
			"node_modules/checkout-sdk-node/src/index.js": "const {Checkout}=require('checkout-sdk-node');\nnew Checkout().payments.refund(1);\n",
			"src/pay.test.js": "const {Checkout}=require('checkout-sdk-node');\nnew Checkout('k').payments.refund(1);\n",
		}},
		{name: "test files when asked", tests: true, files: map[string]string{
			"__tests__/pay.js": "const {Checkout}=require('checkout-sdk-node');\nconst c = new Checkout('k');\nc.payments.refund(1);\n",
		}, want: []string{"__tests__/pay.js:3 POST /payments/{}/refunds"}},
	})
}

func TestPython(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "builder, variable, multi-line", files: map[string]string{"app/pay.py": `
from checkout_sdk.checkout_sdk import CheckoutSdk
api = (CheckoutSdk.builder()
       .secret_key("sk")
       .build())
payments = api.payments
payments.refund_payment("pay_1")
api.disputes.get_dispute_details(
    "dsp_1")`}, want: []string{"app/pay.py:7 POST /payments/{}/refunds", "app/pay.py:8 GET /disputes/{}"}},
		{name: "OAuth builder, previous platform", files: map[string]string{"w.py": `
from checkout_sdk import CheckoutSdk
oauth = CheckoutSdk.builder().oauth().client_credentials("id", "s").build()
prev = CheckoutSdk.builder().previous().secret_key("sk_test").build()
prev.webhooks.retrieve_webhooks()`}, want: []string{"w.py:3 POST /connect/token", "w.py:5 GET /webhooks"}},
		{name: "imported client and typed parameter", files: map[string]string{
			"app/clients.py": "from checkout_sdk import CheckoutSdk\ncko = CheckoutSdk.builder().secret_key('k').build()\n",
			"app/views.py":   "from app.clients import cko\n\ndef refund(pid):\n    cko.payments.refund_payment(pid)\n",
			"app/disp.py":    "from checkout_sdk.disputes.disputes_client import DisputesClient\n\nclass D:\n    def __init__(self, disputes: DisputesClient):\n        self.disputes = disputes\n    def accept(self, i):\n        self.disputes.accept(i)\n",
		}, want: []string{"app/disp.py:7 POST /disputes/{}/accept", "app/views.py:4 POST /payments/{}/refunds"}},
		{name: "look-alikes", files: map[string]string{
			"shop.py": "import stripe\nfrom shop.models import CheckoutSdk\nstripe.checkout.Session.create()\nflow = CheckoutSdk.builder().oauth().build()\norder.payments.refund_payment()\n# api.payments.refund_payment(x)\n\"\"\"api.payments.capture_payment(x)\"\"\"\n",
		}},
	})
}

func TestPHP(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "builder and accessor chain", files: map[string]string{"src/Pay.php": `<?php
use Checkout\CheckoutSdk;
$api = CheckoutSdk::builder()->staticKeys()->secretKey('sk')->build();
$api->getPaymentsClient()->refundPayment('pay_1');
$client = $api->getDisputesClient();
$client->accept('dsp_1');`}, want: []string{"src/Pay.php:4 POST /payments/{}/refunds", "src/Pay.php:6 POST /disputes/{}/accept"}},
		{name: "constructor promotion by type, previous platform", files: map[string]string{"src/Svc.php": `<?php
namespace App;
use Checkout\Previous\CheckoutApi;
final class Svc {
    public function __construct(private CheckoutApi $checkout) {}
    public function hooks() { return $this->checkout->getWebhooksClient()->retrieveWebhooks(); }
}`}, want: []string{"src/Svc.php:6 GET /webhooks"}},
		{name: "OAuth and a local look-alike class", files: map[string]string{
			"a.php": "<?php\nuse Checkout\\CheckoutSdk;\n$api = CheckoutSdk::builder()->oAuth()->clientCredentials('a','b')->build();\n",
			"b.php": "<?php\nuse App\\Services\\CheckoutSdk;\n$flow = CheckoutSdk::builder()->oAuth()->build();\n$flow->getPaymentsClient()->refundPayment('x');\n# $api->getPaymentsClient()->capturePayment('x');\n",
		}, want: []string{"a.php:3 POST /connect/token"}},
	})
}

func TestDotnet(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "DI by interface type", files: map[string]string{"Svc.cs": `
using Checkout;
using Checkout.Payments;
public class Svc {
    private readonly ICheckoutApi _api;
    private readonly IPaymentsClient _payments;
    public Svc(ICheckoutApi api, IPaymentsClient payments) { _api = api; _payments = payments; }
    public Task Refund(string id) => _payments.RefundPayment(id);
    public Task Get(string id) => _api.PaymentsClient().GetPaymentDetails(id);
}`}, want: []string{"Svc.cs:8 POST /payments/{}/refunds", "Svc.cs:9 GET /payments/{}"}},
		{name: "builder, OAuth, previous", files: map[string]string{"B.cs": `
using Checkout;
var api = CheckoutSdk.Builder().OAuth().ClientCredentials("a", "b").Build();
Checkout.Previous.ICheckoutApi prev = CheckoutSdk.Builder().Previous().StaticKeys().SecretKey("sk_test").Build();
await prev.PaymentsClient().RequestPayment(req);`}, want: []string{"B.cs:3 POST /connect/token", "B.cs:5 POST /payments"}},
		{name: "global using", files: map[string]string{
			"GlobalUsings.cs": "global using Checkout.Disputes;\n",
			"Job.cs":          "public class Job(IDisputesClient disputes) {\n  public Task Run() => disputes.Query(new DisputesQueryFilter());\n}\n",
		}, want: []string{"Job.cs:2 GET /disputes"}},
	})
}

func TestJava(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "injected client, Sync variant, multi-line", files: map[string]string{"src/main/java/a/Refunds.java": `
package a;
import com.checkout.payments.PaymentsClient;
public class Refunds {
  private final PaymentsClient paymentsClient;
  public Refunds(PaymentsClient paymentsClient) { this.paymentsClient = paymentsClient; }
  void r(String id) {
    paymentsClient.refundPaymentSync(id);
    this.paymentsClient
        .capturePayment(id);
  }
}`}, want: []string{"src/main/java/a/Refunds.java:8 POST /payments/{}/refunds", "src/main/java/a/Refunds.java:10 POST /payments/{}/captures"}},
		{name: "OAuth builder bean and previous api", files: map[string]string{"src/main/java/a/Config.java": `
import com.checkout.CheckoutSdk;
import com.checkout.previous.CheckoutApi;
class Config {
  com.checkout.CheckoutApi oauth() {
    return CheckoutSdk.builder()
        .oAuth().clientCredentials("a", "b").build();
  }
  void hooks(CheckoutApi prev) { prev.webhooksClient().retrieveWebhooks(); }
}`}, want: []string{"src/main/java/a/Config.java:6 POST /connect/token", "src/main/java/a/Config.java:9 GET /webhooks"}},
		{name: "Kotlin caller", files: map[string]string{"src/main/kotlin/a/Svc.kt": `
import com.checkout.CheckoutApi
class Svc(private val api: CheckoutApi) {
  fun pay(r: PaymentRequest) = api.paymentsClient().requestPayment(r).get()
}`}, want: []string{"src/main/kotlin/a/Svc.kt:4 POST /payments"}},
		{name: "an application class of the same name", files: map[string]string{"src/main/java/a/App.java": `
import com.example.payments.PaymentsClient;
class App { PaymentsClient c; void f() { c.refundPayment("x"); } }`}},
	})
}

func TestGo(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "builder, struct field, WithContext", files: map[string]string{"svc/svc.go": `package svc

import (
	checkout "github.com/checkout/checkout-sdk-go/v2"
	"github.com/checkout/checkout-sdk-go/v2/nas"
)

type Service struct{ cko *nas.Api }

func New() (*Service, error) {
	api, err := checkout.Builder().OAuth().WithClientCredentials("a", "b").Build()
	return &Service{cko: api}, err
}

func (s *Service) Refund(ctx context.Context, id string) {
	s.cko.Payments.RefundPaymentWithContext(ctx, id, nil, nil)
}`, "svc/handler.go": "package svc\n\nfunc (h *Handler) Get(id string) { h.svc.cko.Payments.GetPaymentDetails(id) }\n"},
			want: []string{"svc/handler.go:3 GET /payments/{}", "svc/svc.go:11 POST /connect/token", "svc/svc.go:16 POST /payments/{}/refunds"}},
		{name: "previous platform", files: map[string]string{"p.go": `package p

import "github.com/checkout/checkout-sdk-go/v2/abc"

func f(api *abc.Api) { api.Webhooks.RetrieveWebhooks() }`}, want: []string{"p.go:5 GET /webhooks"}},
	})
}

func TestRuby(t *testing.T) {
	t.Parallel()
	runRecognition(t, []recognitionCase{
		{name: "constant, memoised method, ivar", files: map[string]string{
			"config/initializers/checkout.rb": "CHECKOUT_API = CheckoutSdk.builder\n  .static_keys\n  .with_secret_key(ENV['K'])\n  .build\n",
			"app/services/pay.rb": `class Pay
  def initialize
    @payments = CHECKOUT_API.payments
  end

  def refund(id)
    @payments.refund_payment(id)
  end

  def api
    @api ||= CheckoutSdk.builder.oauth.with_client_credentials('a', 'b').build
  end

  def dispute(id)
    api.disputes.get_dispute_details id
  end
end`}, want: []string{"app/services/pay.rb:7 POST /payments/{}/refunds", "app/services/pay.rb:11 POST /connect/token", "app/services/pay.rb:15 GET /disputes/{}"}},
		{name: "previous platform, heredoc and =begin", files: map[string]string{"lib/legacy.rb": `module Legacy
  API = CheckoutSdk.builder.previous.static_keys.with_secret_key('sk_test').build
end
=begin
Legacy::API.payments.refund_payment(x)
=end
sql = <<~SQL
  Legacy::API.payments.capture_payment(x)
SQL
Legacy::API.webhooks.retrieve_webhooks`}, want: []string{"lib/legacy.rb:10 GET /webhooks"}},
		{name: "client passed to initialize, callers unseen", files: map[string]string{
			"config/initializers/checkout.rb": "CHECKOUT_API = CheckoutSdk.builder.static_keys.build\n",
			"app/services/vault.rb":           "class Vault\n  attr_reader :customers\n  def initialize(api)\n    @customers = api.customers\n  end\n  def save(u)\n    customers.create(u)\n  end\nend\n",
		}, want: []string{"app/services/vault.rb:7 POST /customers"}},
		{name: "no guess without the SDK in the project", files: map[string]string{
			"app/services/vault.rb": "class Vault\n  def initialize(api)\n    @customers = api.customers\n  end\n  def save(u)\n    @customers.create(u)\n  end\nend\n",
		}},
	})
}
