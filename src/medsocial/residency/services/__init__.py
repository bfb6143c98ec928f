"""Writes: applications and mentors (`applications`), the rotation (`rotation`), the capstone
(`capstone`) and completion (`completion`)."""
