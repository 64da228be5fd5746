import os

LIVE = os.environ.get("BILLING_ENV") == "production"
CKO_API = "https://api.checkout.com" if LIVE else "https://api.sandbox.checkout.com"
CKO_PREFIX = os.environ.get("CKO_PREFIX", "")
ALLOWED_HOSTS = ["api.checkout.com", "api.sandbox.checkout.com", "files.checkout.com"]
SECRET_KEY = os.environ.get("CKO_SECRET_KEY", "")
