"""The page "Utbudet": see app/screens/offer.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.offer import body
from app.ui import page

page(body)
