"""The page "Resan": see app/screens/journey.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.journey import body
from app.ui import page

page(body)
