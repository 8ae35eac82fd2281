"""The page "Kohort": see app/screens/cohort.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.cohort import body
from app.ui import page

page(body)
