"""Reminders: the daily question, the weekly look-back and one-off follow-ups, claimed and sent exactly once."""
