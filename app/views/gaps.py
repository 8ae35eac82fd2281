"""The page "Mellan stolarna": see app/screens/gaps.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.gaps import body
from app.ui import page

page(body)
