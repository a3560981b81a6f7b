"""Viral Open Space: online social forums whose program is built by their participants."""
