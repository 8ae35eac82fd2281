"""The page "Exportera": see app/screens/export.py (a page file is re-read on every run, so it stays tiny)."""

from app.screens.export import body
from app.ui import page

page(body)
