"""Textual widgets of the app: the panes and the lists they are made of."""
