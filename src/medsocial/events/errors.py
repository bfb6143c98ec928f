"""The one exception family of the events domain; messages are safe to show to the person."""

from medsocial.core.errors import Conflict, DomainError, NotAllowed


class EventError(DomainError):
    """An events rule refused the action (400)."""


class RegistrationError(EventError):
    """A registration, cancellation or seat claim was refused."""


class RegistrationConflict(Conflict):
    """The person already holds a registration, or the ticket was already used (409)."""


class CheckInError(EventError):
    """A ticket could not be checked in."""


class EventNotAllowed(NotAllowed):
    """The actor may not do this to the event (403)."""


class UnpaidOrder(CheckInError):
    """The ticket's order is still awaiting payment; staff may admit the person anyway (409)."""

    status_code = 409
