"""Memberships with yearly dues and the points wallet people and organizations spend on training."""
