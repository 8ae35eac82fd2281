"""The page "Välj": see app/screens/choose.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.choose import body
from app.ui import page

page(body)
