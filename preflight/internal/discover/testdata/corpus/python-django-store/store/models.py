from django.db import models


class Payment(models.Model):
    order_id = models.CharField(max_length=64)
    checkout_payment_id = models.CharField(max_length=64, blank=True)
    amount = models.IntegerField()
    refunded = models.IntegerField(default=0)

    def refund(self, amount=None):
        """Marks the payment refunded locally; the API call lives in views.refund."""
        self.refunded = amount or self.amount
        self.save(update_fields=["refunded"])
