"""Textual screens of the app: the main layout, details and help."""
