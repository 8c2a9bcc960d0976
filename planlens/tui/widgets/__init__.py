"""Widgets of the planlens terminal UI."""
