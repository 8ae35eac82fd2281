"""The page "Redigera": see app/screens/edit.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.edit import body
from app.ui import page

page(body)
