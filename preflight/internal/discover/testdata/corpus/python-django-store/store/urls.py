from django.urls import path

from store import views

urlpatterns = [
    path("payments/", views.pay, name="pay"),
    path("payments/<str:payment_id>/", views.payment_detail, name="payment-detail"),
    path("payments/<str:payment_id>/capture/", views.capture, name="capture"),
    path("payments/<str:payment_id>/refund/", views.refund, name="refund"),
    path("payments/<str:payment_id>/void/", views.void, name="void"),
]
