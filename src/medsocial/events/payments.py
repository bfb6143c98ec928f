"""Payment providers: how an order with a price gets paid.

A provider is a small class registered by its identifier. The hub ships with one, "invoice /
pay later": the order waits as "awaiting payment" and an event manager marks it paid when the
money arrives. A card or bank provider plugs in the same way (`register_provider`) and marks
orders paid from its own callback through `services.registration.mark_paid`.
"""

from django.conf import settings


class PaymentProvider:
    identifier: str = ""
    name: str = ""
    # True when staff settle orders by hand (the invoice provider); False for automatic ones.
    settled_by_staff: bool = True

    def order_placed(self, order) -> None:
        """Called after commit when an order with a price is placed (start a checkout, etc.)."""

    def instructions(self, order) -> str:
        """What the person should do to pay, shown on their ticket page and in the email."""
        return ""


class InvoiceProvider(PaymentProvider):
    identifier = "invoice"
    name = "Invoice / pay later"
    settled_by_staff = True

    def instructions(self, order) -> str:
        return (
            f"An invoice ({order.invoice_number}) for {order.total} {order.currency} is issued to you. "
            "Pay by bank transfer or your organization's purchase order; the event team marks it paid "
            "when the payment arrives."
        )


_PROVIDERS: dict[str, PaymentProvider] = {}


def register_provider(provider: PaymentProvider) -> PaymentProvider:
    _PROVIDERS[provider.identifier] = provider
    return provider


def get_provider(identifier: str) -> PaymentProvider:
    try:
        return _PROVIDERS[identifier]
    except KeyError:
        raise LookupError(f"No payment provider named {identifier!r}") from None


def default_provider() -> PaymentProvider:
    return get_provider(getattr(settings, "EVENTS_PAYMENT_PROVIDER", InvoiceProvider.identifier))


def providers() -> list[PaymentProvider]:
    return list(_PROVIDERS.values())


register_provider(InvoiceProvider())
