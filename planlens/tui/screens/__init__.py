"""The app's screens: the compare view, the overview, and the dialogs it opens."""
