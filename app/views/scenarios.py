"""The page "Scenarier": see app/screens/scenarios.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.scenarios import body
from app.ui import page

page(body)
