from medsocial.awards.services import define_badge_class


def make_badge_class(slug: str = "community-champion", **fields):
    defaults = {
        "name": "Community Champion",
        "description": "Recognizes sustained help to peers in the hub's community.",
        "criteria": "Answer 20 questions from peers with answers marked helpful.",
        "colour": "#2e7d32",
        "caption": "Champion",
    }
    defaults.update(fields)
    return define_badge_class(slug=slug, **defaults)
