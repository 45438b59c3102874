"""Compagnon: a Telegram companion for digital empathy."""

__version__ = "0.1.0"
