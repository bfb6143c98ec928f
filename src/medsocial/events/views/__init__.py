from medsocial.events.views.attend import *  # noqa: F403
from medsocial.events.views.parts import *  # noqa: F403
from medsocial.events.views.staff import *  # noqa: F403
