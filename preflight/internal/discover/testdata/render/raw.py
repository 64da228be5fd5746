import requests

BASE = "https://api.sandbox.checkout.com"


def dispute(dispute_id):
    return requests.get(f"{BASE}/disputes/{dispute_id}")
