"""MedSocial: a social media training hub for health care."""

__version__ = "0.1.0"
