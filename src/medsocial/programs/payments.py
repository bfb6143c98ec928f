"""Points as a payment provider: an order paid from the person's wallet is settled the moment
it is placed (see `services.wallet.spend_for_order`), so nobody marks it paid."""

from medsocial.events.payments import PaymentProvider

POINTS = "points"


class PointsProvider(PaymentProvider):
    identifier = POINTS
    name = "Points"
    settled_by_staff = False

    def instructions(self, order) -> str:
        return "Paid with points from your wallet; cancelling in time returns them."
