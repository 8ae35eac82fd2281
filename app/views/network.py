"""The page "Nätverk": see app/screens/network.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.network import body
from app.ui import page

page(body)
